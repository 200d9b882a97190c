import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "../../src/lib/db";
import { hashToken, randomToken } from "../../src/lib/tokens";
import { createCampaign, ensureTestTargetProfile } from "../factories/campaigns";
import { createGarStudentUser, createLearner } from "../factories/learners";
import { createMember, createSchool } from "../factories/schools";
import { setRequestHeaders, setSessionCookie } from "../support/next-request";

/**
 * Cross-school isolation, proven by enumeration: every Orga page and layout, every Orga route
 * handler and every server action of the app is found on disk and called as an ADMIN of school B
 * aimed at school A's data (A's campaign id in the URL, A's ids in every id-like form field).
 * Each must answer 401/403/404 (or redirect), show none of A's names, codes or e-mails, and leave
 * A's rows untouched. The same calls made as A's ADMIN do show A's data, so the checks can fail.
 *
 * Only the request context is provided here (the session cookie through `next/headers`, and a
 * no-op `revalidatePath` which needs a running Next server); everything else is the real code
 * against the real database.
 */

setRequestHeaders({ host: "localhost", "x-forwarded-for": "127.0.0.1" });
vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersMock());

vi.mock("next/cache", async (importOriginal) =>
  (await import("../support/next-request")).nextCacheMock(importOriginal),
);

const ROOT = path.resolve(__dirname, "../..");
const APP_ORGA = path.join(ROOT, "src/app/orga");
const FEATURES = path.join(ROOT, "src/features");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const orgaFiles = walk(APP_ORGA);
const pageFiles = orgaFiles.filter((file) => /\/(page|layout)\.tsx$/.test(file));
const routeFiles = orgaFiles.filter((file) => /\/route\.ts$/.test(file));
// Every actions.ts of every feature, also in sub-concern folders (members/team/actions.ts).
const actionFiles = walk(FEATURES).filter((file) => /\/actions\.ts$/.test(file));

const rel = (file: string) => path.relative(ROOT, file);

/** Dynamic segments of a file's route, e.g. `[id]`. */
function paramsOf(file: string, world: World): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of rel(file).matchAll(/\[([^\]]+)\]/g)) {
    const name = match[1]!;
    // `[id]` segments address campaigns, or learners under /orga/eleves; `[participationId]` a
    // participation of A's campaign; other segments (one-time tokens) get an unknown value.
    const isLearner = rel(file).includes("/eleves/[id]");
    params[name] =
      name === "id"
        ? String(isLearner ? world.a.learnerId : world.a.campaignId)
        : name === "participationId"
          ? String(world.a.participationId)
          : randomToken();
  }
  return params;
}

type World = Awaited<ReturnType<typeof arrangeWorld>>;

async function arrangeWorld() {
  await ensureTestTargetProfile();
  const schoolA = await createSchool({ name: "Collège Alpha confidentiel" });
  const schoolB = await createSchool({ name: "Collège Bêta" });
  const adminA = await createMember({ schoolId: schoolA.id, role: "ADMIN", email: "admin.alpha@ac-secret.fr" });
  const memberA = await createMember({ schoolId: schoolA.id, role: "MEMBER", email: "prof.alpha@ac-secret.fr" });
  const adminB = await createMember({ schoolId: schoolB.id, role: "ADMIN", email: "admin.beta@ac-test.fr" });
  const student = await createGarStudentUser({
    garId: "IDO-ALPHA-SECRET",
    firstName: "Zéphyrin",
    lastName: "SECRETALPHA",
  });
  const joined = await createLearner(schoolA.id, {
    nationalStudentId: "9876543210Z",
    firstName: "Zéphyrin",
    lastName: "SECRETALPHA",
    division: "4E B",
    userId: student.id,
  });
  await createLearner(schoolA.id, { firstName: "Octave", lastName: "CACHEALPHA", division: "4E B" });
  await createLearner(schoolB.id, { firstName: "Bob", lastName: "BETA", division: "4E B" });
  const campaignA = await createCampaign({
    schoolId: schoolA.id,
    ownerId: memberA.userId,
    division: "4E B",
    name: "Campagne Alpha cachée",
  });
  await createCampaign({ schoolId: schoolB.id, ownerId: adminB.userId, division: "4E B", name: "Campagne Bêta" });
  const participation = await prisma.participation.create({
    data: {
      schoolId: schoolA.id,
      campaignId: campaignA.id,
      learnerId: joined.id,
      userId: student.id,
      status: "SHARED",
      masteryRate: 0.5,
      sharedAt: new Date(),
      results: {
        version: 1,
        masteryRate: 0.5,
        answeredCount: 1,
        correctCount: 1,
        competences: [],
        missedChallengeIds: [],
      },
    },
  });
  const invitation = await prisma.invitation.create({
    data: {
      schoolId: schoolA.id,
      email: "invite.alpha@ac-secret.fr",
      role: "MEMBER",
      tokenHash: hashToken(randomToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  await prisma.siecleImport.create({
    data: {
      schoolId: schoolA.id,
      createdById: adminA.userId,
      fileName: "alpha-secret.xml",
      format: "XML",
      status: "IMPORTED",
      createdCount: 2,
    },
  });
  return {
    a: {
      schoolId: schoolA.id,
      adminUserId: adminA.userId,
      memberId: memberA.id,
      memberUserId: memberA.userId,
      campaignId: campaignA.id,
      campaignCode: campaignA.code,
      learnerId: joined.id,
      participationId: participation.id,
      invitationId: invitation.id,
    },
    b: { schoolId: schoolB.id, adminUserId: adminB.userId },
    secrets: [
      "Alpha confidentiel",
      "SECRETALPHA",
      "CACHEALPHA",
      "Zéphyrin",
      "Campagne Alpha cachée",
      campaignA.code,
      "admin.alpha",
      "prof.alpha",
      "invite.alpha",
      "alpha-secret",
      "9876543210Z",
    ],
  };
}

/** A fresh staff session for the user, current school set, and the cookie pointing at it. */
async function actAs(userId: number, schoolId: number): Promise<void> {
  const token = randomToken();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      kind: "STAFF",
      currentSchoolId: schoolId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  setSessionCookie(token);
}

/** Everything of school A a request could change, as one comparable string. */
async function snapshotSchool(schoolId: number): Promise<string> {
  const rows = await prisma.$queryRaw<{ data: unknown }[]>`
    SELECT jsonb_build_object(
      'school', (SELECT to_jsonb(s) FROM schools s WHERE s.id = ${schoolId}),
      'members', (SELECT jsonb_agg(to_jsonb(m) ORDER BY m.id) FROM members m WHERE m.school_id = ${schoolId}),
      'invitations', (SELECT jsonb_agg(to_jsonb(i) ORDER BY i.id) FROM invitations i WHERE i.school_id = ${schoolId}),
      'learners', (SELECT jsonb_agg(to_jsonb(l) ORDER BY l.id) FROM learners l WHERE l.school_id = ${schoolId}),
      'campaigns', (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.id) FROM campaigns c WHERE c.school_id = ${schoolId}),
      'participations', (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM participations p JOIN campaigns c ON c.id = p.campaign_id WHERE c.school_id = ${schoolId}),
      'answers', (SELECT count(*) FROM answers a JOIN participations p ON p.id = a.participation_id JOIN campaigns c ON c.id = p.campaign_id WHERE c.school_id = ${schoolId}),
      'imports', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM siecle_imports x WHERE x.school_id = ${schoolId}),
      'sessions', (SELECT jsonb_agg(jsonb_build_object('user', se.user_id, 'school', se.current_school_id) ORDER BY se.id) FROM sessions se WHERE se.current_school_id = ${schoolId}),
      'users', (SELECT jsonb_agg(to_jsonb(u) ORDER BY u.id) FROM users u WHERE u.id IN (SELECT user_id FROM members WHERE school_id = ${schoolId}))
    ) AS data`;
  return JSON.stringify(rows[0]!.data);
}

type Outcome = {
  kind: "not-found" | "redirect" | "unauthorized" | "rendered" | "error-state" | "success-state" | "crashed";
  text: string;
  detail?: string;
};

function digestOf(error: unknown): string {
  return typeof error === "object" && error !== null && "digest" in error
    ? String((error as { digest: unknown }).digest)
    : "";
}

function classifyThrow(error: unknown): Outcome {
  const digest = digestOf(error);
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return { kind: "not-found", text: "" };
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;403") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;401"))
    return { kind: "unauthorized", text: "" };
  if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", text: digest };
  // Anything else would be a 500 for the user: reported as a problem, never a pass.
  return {
    kind: "crashed",
    text: "",
    detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}

function isAsyncFunction(value: unknown): value is (props: unknown) => Promise<unknown> {
  return typeof value === "function" && value.constructor.name === "AsyncFunction";
}

/**
 * Everything a server-rendered tree would put in the page: the props of every element, with
 * async server components rendered in turn (client components only receive props).
 */
async function collectTree(node: unknown, depth = 0): Promise<string> {
  if (depth > 40 || node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return `${String(node)} `;
  if (node instanceof Date) return `${node.toISOString()} `;
  if (node instanceof Promise) return collectTree(await node, depth + 1);
  if (Array.isArray(node)) return (await Promise.all(node.map((child) => collectTree(child, depth + 1)))).join("");
  if (typeof node === "function") return "";
  if (typeof node === "object") {
    const element = node as { $$typeof?: symbol; type?: unknown; props?: Record<string, unknown> };
    if (element.$$typeof && element.props !== undefined) {
      let text = await collectTree(Object.values(element.props), depth + 1);
      if (isAsyncFunction(element.type)) text += await collectTree(await element.type(element.props), depth + 1);
      return text;
    }
    return collectTree(Object.values(node as Record<string, unknown>), depth + 1);
  }
  return "";
}

async function callPage(file: string, world: World): Promise<Outcome> {
  const source = readFileSync(file, "utf8");
  // A client page loads nothing on the server; its data comes through actions, tested below.
  if (/^\s*["']use client["']/.test(source)) return { kind: "rendered", text: "" };
  const module = (await import(/* @vite-ignore */ file)) as {
    default: (props: unknown) => unknown;
    generateMetadata?: (props: unknown) => Promise<unknown>;
  };
  const props = { params: Promise.resolve(paramsOf(file, world)), searchParams: Promise.resolve({}), children: null };
  try {
    let text = "";
    if (module.generateMetadata) text += await collectTree(await module.generateMetadata(props));
    text += await collectTree(await module.default(props));
    return { kind: "rendered", text };
  } catch (error) {
    return classifyThrow(error);
  }
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

async function callRoute(file: string, method: (typeof METHODS)[number], world: World): Promise<Outcome> {
  const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const handler = module[method] as (request: Request, context: unknown) => Promise<Response>;
  const url = `http://localhost/${rel(file)}`;
  try {
    const response = await handler(new Request(url, { method }), { params: Promise.resolve(paramsOf(file, world)) });
    const text = await response.text();
    if (response.status >= 300 && response.status < 400) return { kind: "redirect", text };
    if (response.status === 401 || response.status === 403) return { kind: "unauthorized", text };
    if (response.status === 404) return { kind: "not-found", text };
    return { kind: "rendered", text, detail: String(response.status) };
  } catch (error) {
    return classifyThrow(error);
  }
}

/** A form aimed at school A: every id-like field holds one of A's ids. */
function formAimedAt(world: World): FormData {
  const form = new FormData();
  const fields: Record<string, string | string[]> = {
    id: String(world.a.campaignId),
    campaignId: String(world.a.campaignId),
    memberId: String(world.a.memberId),
    invitationId: String(world.a.invitationId),
    learnerId: String(world.a.learnerId),
    participationId: String(world.a.participationId),
    schoolId: String(world.a.schoolId),
    code: world.a.campaignCode,
    userId: String(world.a.memberUserId),
    ownerId: String(world.a.memberUserId),
    role: "ADMIN",
    name: "Intrusion",
    targetProfileId: "tp-test",
    division: "4E B",
    divisions: ["4E B"],
    title: "Intrusion",
    customLandingText: "Intrusion",
  };
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, item);
  }
  return form;
}

type ServerAction = (state: unknown, form: FormData) => Promise<unknown>;

async function callAction(action: ServerAction, world: World): Promise<Outcome> {
  try {
    const state = (await action({ status: "idle" }, formAimedAt(world))) as { status?: string };
    return { kind: state?.status === "success" ? "success-state" : "error-state", text: JSON.stringify(state) };
  } catch (error) {
    return classifyThrow(error);
  }
}

function leaksOf(text: string, world: World): string[] {
  return world.secrets.filter((secret) => text.includes(secret));
}

let world: World;

beforeEach(async () => {
  world = await arrangeWorld();
});

describe("cross-school isolation", () => {
  it("finds the Orga pages, route handlers and server actions to check", () => {
    expect(pageFiles.map(rel)).toEqual(
      expect.arrayContaining([
        "src/app/orga/eleves/page.tsx",
        "src/app/orga/classes/page.tsx",
        "src/app/orga/campagnes/page.tsx",
        "src/app/orga/campagnes/[id]/(tabs)/layout.tsx",
        "src/app/orga/campagnes/[id]/(tabs)/page.tsx",
        "src/app/orga/campagnes/[id]/(tabs)/resultats/page.tsx",
        "src/app/orga/campagnes/[id]/(tabs)/parametres/page.tsx",
        "src/app/orga/campagnes/[id]/fiche-eleve/page.tsx",
        "src/app/orga/eleves/[id]/page.tsx",
        "src/app/orga/campagnes/[id]/participants/[participationId]/page.tsx",
      ]),
    );
    expect(routeFiles.map(rel)).toEqual(
      expect.arrayContaining([
        "src/app/orga/campagnes/[id]/activite/route.ts",
        "src/app/orga/campagnes/[id]/export/route.ts",
      ]),
    );
    expect(actionFiles.map(rel)).toContain("src/features/campaigns/actions.ts");
    expect(actionFiles.map(rel)).toContain("src/features/members/team/actions.ts");
  });

  it("every Orga page and layout: a member of school B sees none of school A's data", async () => {
    const before = await snapshotSchool(world.a.schoolId);
    const problems: string[] = [];
    for (const file of pageFiles) {
      await actAs(world.b.adminUserId, world.b.schoolId);
      const outcome = await callPage(file, world);
      const leaks = leaksOf(outcome.text, world);
      if (leaks.length > 0) problems.push(`${rel(file)}: shows ${leaks.join(", ")}`);
      if (outcome.kind === "crashed") problems.push(`${rel(file)}: crashed (${outcome.detail})`);
      if (rel(file).includes("[id]") && outcome.kind !== "not-found")
        problems.push(`${rel(file)}: ${outcome.kind} instead of 404`);
    }
    expect(problems).toEqual([]);
    expect(await snapshotSchool(world.a.schoolId)).toBe(before);
  });

  it("every Orga route handler: 401/404 for school B, nothing of school A in the body", async () => {
    const before = await snapshotSchool(world.a.schoolId);
    const problems: string[] = [];
    let checked = 0;
    for (const file of routeFiles) {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of METHODS.filter((name) => typeof module[name] === "function")) {
        checked += 1;
        await actAs(world.b.adminUserId, world.b.schoolId);
        const outcome = await callRoute(file, method, world);
        const leaks = leaksOf(outcome.text, world);
        if (leaks.length > 0) problems.push(`${method} ${rel(file)}: shows ${leaks.join(", ")}`);
        if (outcome.kind === "crashed") problems.push(`${method} ${rel(file)}: crashed (${outcome.detail})`);
        if (rel(file).includes("[id]") && outcome.kind !== "not-found")
          problems.push(`${method} ${rel(file)}: ${outcome.kind} instead of 404`);
      }
      // Without a session at all: never a 2xx with data.
      setSessionCookie(null);
      for (const method of METHODS.filter((name) => typeof module[name] === "function")) {
        const outcome = await callRoute(file, method, world);
        if (outcome.kind === "rendered" && leaksOf(outcome.text, world).length > 0)
          problems.push(`${method} ${rel(file)} without a session: leaks`);
        if (rel(file).includes("[id]") && outcome.kind !== "unauthorized")
          problems.push(`${method} ${rel(file)} without a session: ${outcome.kind}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    expect(problems).toEqual([]);
    expect(await snapshotSchool(world.a.schoolId)).toBe(before);
  });

  it("every server action: aimed at school A's ids by an ADMIN of school B, changes and reveals nothing", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of actionFiles) {
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const [name, action] of Object.entries(module)) {
        if (typeof action !== "function") continue;
        checked += 1;
        const before = await snapshotSchool(world.a.schoolId);
        await actAs(world.b.adminUserId, world.b.schoolId);
        const outcome = await callAction(action as ServerAction, world);
        const leaks = leaksOf(outcome.text, world);
        if (leaks.length > 0) problems.push(`${rel(file)} ${name}: reveals ${leaks.join(", ")}`);
        if (outcome.kind === "crashed") problems.push(`${rel(file)} ${name}: crashed (${outcome.detail})`);
        if ((await snapshotSchool(world.a.schoolId)) !== before)
          problems.push(`${rel(file)} ${name}: changed school A (${outcome.kind} ${outcome.text})`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(problems).toEqual([]);
  });

  it("control: the same calls as school A's ADMIN do reach school A's data (the checks above can fail)", async () => {
    const byName = (name: string) => pageFiles.find((file) => rel(file) === name)!;
    await actAs(world.a.adminUserId, world.a.schoolId);
    const activity = await callPage(byName("src/app/orga/campagnes/[id]/(tabs)/layout.tsx"), world);
    expect(activity.kind).toBe("rendered");
    expect(leaksOf(activity.text, world)).toEqual(expect.arrayContaining(["Campagne Alpha cachée"]));
    const learners = await callPage(byName("src/app/orga/eleves/page.tsx"), world);
    expect(leaksOf(learners.text, world)).toEqual(expect.arrayContaining(["SECRETALPHA", "CACHEALPHA"]));
    const learnerPage = await callPage(byName("src/app/orga/eleves/[id]/page.tsx"), world);
    expect(learnerPage.kind).toBe("rendered");
    expect(leaksOf(learnerPage.text, world)).toEqual(expect.arrayContaining(["SECRETALPHA", "Campagne Alpha cachée"]));
    // Masked until an ADMIN asks for it (an audit-logged action).
    expect(learnerPage.text).not.toContain("9876543210Z");
    const result = await callPage(byName("src/app/orga/campagnes/[id]/participants/[participationId]/page.tsx"), world);
    expect(result.kind).toBe("rendered");
    expect(leaksOf(result.text, world)).toEqual(expect.arrayContaining(["SECRETALPHA", "Campagne Alpha cachée"]));
    const sheet = await callPage(byName("src/app/orga/campagnes/[id]/fiche-eleve/page.tsx"), world);
    expect(leaksOf(sheet.text, world)).toEqual(expect.arrayContaining(["CACHEALPHA"]));

    const exportFile = routeFiles.find((file) => rel(file).endsWith("export/route.ts"))!;
    const exported = await callRoute(exportFile, "GET", world);
    expect(exported.detail).toBe("200");
    expect(exported.text).toContain("SECRETALPHA");
    const activityFile = routeFiles.find((file) => rel(file).endsWith("activite/route.ts"))!;
    await actAs(world.a.adminUserId, world.a.schoolId);
    expect((await callRoute(activityFile, "GET", world)).text).toContain("CACHEALPHA");

    const { archiveCampaignAction } = await import("../../src/features/campaigns/actions");
    const before = await snapshotSchool(world.a.schoolId);
    await actAs(world.a.adminUserId, world.a.schoolId);
    const outcome = await callAction(archiveCampaignAction as ServerAction, world);
    expect(outcome.kind).toBe("success-state");
    expect(await snapshotSchool(world.a.schoolId)).not.toBe(before);
  });

  it("a member whose current school is A but who was removed from it gets nothing", async () => {
    await actAs(world.a.memberUserId, world.a.schoolId);
    await prisma.member.delete({ where: { id: world.a.memberId } });
    const exportFile = routeFiles.find((file) => rel(file).endsWith("export/route.ts"))!;
    const outcome = await callRoute(exportFile, "GET", world);
    expect(outcome.kind).toBe("unauthorized");
    expect(leaksOf(outcome.text, world)).toEqual([]);
  });
});
