import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

import { createCampaign } from "../../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../../tests/factories/learners";
import { createMember, createSchool } from "../../../../tests/factories/schools";
import { setSessionCookie } from "../../../../tests/support/next-request";

/**
 * Staff reads audited (issue 11), the Journal page and the offboarding request, as a signed-in
 * member reaches them: session from the cookie, role and school from the database.
 */
vi.mock("next/headers", async () => (await import("../../../../tests/support/next-request")).nextHeadersMock());
vi.mock("next/cache", async (importOriginal) =>
  (await import("../../../../tests/support/next-request")).nextCacheMock(importOriginal),
);

const { loadJournalPage } = await import("./loaders");
const { loadLearnersPage } = await import("@/features/learners/loaders");
const { loadCampaignResults } = await import("@/features/campaigns/loaders");
const { GET: campaignExport } = await import("@/app/orga/campagnes/[id]/export/route");
const { GET: schoolExport } = await import("@/app/orga/etablissement/export/route");
const { requestOffboardingAction, cancelOffboardingAction } = await import("../offboarding/actions");

async function signIn(userId: number, schoolId: number) {
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

const idle = { status: "idle" } as const;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

async function world() {
  const school = await createSchool({ name: "Collège Victor Hugo" });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const user = await createGarStudentUser({ garId: "IDO-JOURNAL-1", firstName: "Anatole", lastName: "PRIVAT" });
  const learner = await createLearner(school.id, { firstName: "Anatole", lastName: "PRIVAT", userId: user.id });
  const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId });
  await prisma.participation.create({
    data: {
      schoolId: school.id,
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: user.id,
      status: "SHARED",
      masteryRate: 0.5,
      sharedAt: new Date(),
    },
  });
  return { school, admin, teacher, learner, campaign };
}

beforeEach(() => setSessionCookie(null));

describe("staff reads are audited (actor, role, school, action, target ids, time; no names)", () => {
  it("the Élèves list, a campaign's results and its CSV export each write one entry", async () => {
    const { school, teacher, learner, campaign } = await world();
    await signIn(teacher.userId, school.id);
    await loadLearnersPage({ q: "PRIVAT" });
    await loadCampaignResults(String(campaign.id));
    const response = await campaignExport(new Request(`http://localhost/orga/campagnes/${campaign.id}/export`), {
      params: Promise.resolve({ id: String(campaign.id) }),
    });
    expect(response.status).toBe(200);
    const entries = await prisma.auditLog.findMany({
      where: { action: { startsWith: "read." } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => [entry.action, entry.schoolId, entry.actorUserId, entry.targetType])).toEqual([
      ["read.learners", school.id, teacher.userId, "school"],
      ["read.campaign_results", school.id, teacher.userId, "campaign"],
      ["read.campaign_export", school.id, teacher.userId, "campaign"],
    ]);
    expect(entries[0]!.data).toEqual({ role: "MEMBER", count: 1, learnerIds: [learner.id] });
    expect(entries[2]!.data).toMatchObject({ role: "MEMBER", count: 1 });
    // Neither the names shown nor the search typed.
    expect(JSON.stringify(entries)).not.toMatch(/PRIVAT|Anatole|IDO-JOURNAL/);
  });
});

describe("the Journal (ADMINs)", () => {
  it("lists the school's entries, filters by action and by day, and says when a date is malformed", async () => {
    const { school, admin, teacher } = await world();
    const other = await createSchool();
    await prisma.auditLog.create({ data: { schoolId: other.id, action: "read.learners" } });
    await prisma.auditLog.create({
      data: {
        schoolId: school.id,
        actorUserId: admin.userId,
        action: "campaign.created",
        createdAt: new Date("2026-11-20T10:00:00Z"),
      },
    });
    await signIn(teacher.userId, school.id);
    await loadLearnersPage({});
    await signIn(admin.userId, school.id);

    const all = await loadJournalPage({});
    expect(all.errors).toEqual([]);
    expect(all.page.rows.map((row) => row.action)).toEqual(["read.learners", "campaign.created"]);
    expect(all.page.rows[0]).toMatchObject({ role: "MEMBER", count: 1, actor: { lastName: teacher.user.lastName } });

    const reads = await loadJournalPage({ action: "read.learners" });
    expect(reads.page.rows.map((row) => row.action)).toEqual(["read.learners"]);
    // 20 November in Paris only.
    const day = await loadJournalPage({ from: "2026-11-20", to: "2026-11-20" });
    expect(day.page.rows.map((row) => row.action)).toEqual(["campaign.created"]);
    const none = await loadJournalPage({ from: "2026-11-21", to: "2026-11-21" });
    expect(none.page.rows).toEqual([]);

    const malformed = await loadJournalPage({ from: "20/11/2026" });
    expect(malformed.errors).toEqual(["Date invalide : utilisez le format jj/mm/aaaa."]);
    expect(malformed.page.rows).toHaveLength(2);
    const reversed = await loadJournalPage({ from: "2026-11-21", to: "2026-11-20" });
    expect(reversed.errors).toEqual(["La date de début doit précéder la date de fin."]);
  });

  it("is a 404 for a MEMBER", async () => {
    const { school, teacher } = await world();
    await signIn(teacher.userId, school.id);
    await expect(loadJournalPage({})).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });
});

describe("offboarding from Orga (ADMIN)", () => {
  it("offers the export of all learners, asks for a confirmation, records the request; a cancel undoes it", async () => {
    const { school, admin, teacher, learner } = await world();
    await signIn(admin.userId, school.id);
    const response = await schoolExport();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(`donnees-eleves-${school.uai}.json`);
    const body = (await response.json()) as { format: string; learners: { learnerId: number }[] };
    expect(body.format).toBe("pix-orga/school-export/1");
    expect(body.learners.map((entry) => entry.learnerId)).toEqual([learner.id]);
    expect(await prisma.auditLog.count({ where: { action: "school.exported", schoolId: school.id } })).toBe(1);

    const unconfirmed = await requestOffboardingAction(idle, form({}));
    expect(unconfirmed).toMatchObject({
      status: "error",
      fieldErrors: { confirm: ["Cochez la case pour confirmer la demande de départ."] },
    });
    expect((await prisma.school.findUniqueOrThrow({ where: { id: school.id } })).offboardingRequestedAt).toBeNull();

    // Two ADMIN tabs at once: one request is recorded, the other is told.
    const [first, second] = await Promise.all([
      requestOffboardingAction(idle, form({ confirm: "on" })),
      requestOffboardingAction(idle, form({ confirm: "on" })),
    ]);
    expect([first.status, second.status].sort()).toEqual(["error", "success"]);
    expect(await prisma.auditLog.count({ where: { action: "school.offboarding_requested" } })).toBe(1);
    expect(await prisma.school.findUniqueOrThrow({ where: { id: school.id } })).toMatchObject({
      offboardingRequestedAt: expect.any(Date),
      offboardingRequestedById: admin.userId,
    });

    await signIn(teacher.userId, school.id);
    expect(await cancelOffboardingAction(idle, form({}))).toMatchObject({ status: "error", code: "FORBIDDEN" });
    expect(await schoolExport()).toMatchObject({ status: 404 });

    await signIn(admin.userId, school.id);
    await expect(cancelOffboardingAction(idle, form({}))).rejects.toMatchObject({
      digest: expect.stringContaining("/orga/etablissement/depart?annulation=faite"),
    });
    expect((await prisma.school.findUniqueOrThrow({ where: { id: school.id } })).offboardingRequestedAt).toBeNull();
    expect(await cancelOffboardingAction(idle, form({}))).toMatchObject({
      status: "error",
      message: "Aucune demande de départ n'est en cours pour cet établissement.",
    });
  });
});
