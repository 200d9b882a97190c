import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { setSessionCookie } from "../../../tests/support/next-request";

/**
 * The export route and the erasure action as the browser calls them: the session from the
 * cookie, the role and school from the database.
 */
vi.mock("next/headers", async () => (await import("../../../tests/support/next-request")).nextHeadersMock());
vi.mock("next/cache", async (importOriginal) =>
  (await import("../../../tests/support/next-request")).nextCacheMock(importOriginal),
);

const { eraseLearnerAction } = await import("./actions");
const { GET: exportRoute } = await import("@/app/orga/eleves/[id]/export/route");

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

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

async function world() {
  const school = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const other = await createSchool();
  const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
  const user = await createGarStudentUser({ garId: "IDO-ROUTE-1", firstName: "Anatole", lastName: "PRIVAT" });
  const learner = await createLearner(school.id, { firstName: "Anatole", lastName: "PRIVAT", userId: user.id });
  return { school, admin, teacher, other, otherAdmin, learner };
}

const callExport = (id: number | string) =>
  exportRoute(new Request(`http://localhost/orga/eleves/${id}/export`), {
    params: Promise.resolve({ id: String(id) }),
  });

beforeEach(() => setSessionCookie(null));

describe("GET /orga/eleves/[id]/export", () => {
  it("gives the school's ADMIN a JSON download of the learner, audit-logged", async () => {
    const { school, admin, learner } = await world();
    await signIn(admin.userId, school.id);
    const response = await callExport(learner.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="donnees-eleve-${learner.id}.json"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.tables.learners[0]).toMatchObject({ first_name: "Anatole", last_name: "PRIVAT" });
    expect(await prisma.auditLog.count({ where: { action: "learner.exported", actorUserId: admin.userId } })).toBe(1);
  });

  it("is a 404 for a MEMBER, another school's ADMIN, a bad id; a 401 signed out; nothing audited", async () => {
    const { school, teacher, other, otherAdmin, learner } = await world();
    expect((await callExport(learner.id)).status).toBe(401);
    await signIn(teacher.userId, school.id);
    expect((await callExport(learner.id)).status).toBe(404);
    await signIn(otherAdmin.userId, other.id);
    const response = await callExport(learner.id);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
    expect((await callExport("abc")).status).toBe(404);
    expect(await prisma.auditLog.count({ where: { action: "learner.exported" } })).toBe(0);
  });
});

describe("eraseLearnerAction", () => {
  it("needs the box ticked, refuses a MEMBER and another school's ADMIN, and changes nothing then", async () => {
    const { school, teacher, other, otherAdmin, admin, learner } = await world();
    await signIn(admin.userId, school.id);
    expect(await eraseLearnerAction(idle, form({ learnerId: String(learner.id) }))).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { confirm: ["Cochez la case pour confirmer l'effacement."] },
    });
    await signIn(teacher.userId, school.id);
    expect(await eraseLearnerAction(idle, form({ learnerId: String(learner.id), confirm: "on" }))).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    await signIn(otherAdmin.userId, other.id);
    expect(await eraseLearnerAction(idle, form({ learnerId: String(learner.id), confirm: "on" }))).toMatchObject({
      status: "error",
      code: "NOT_FOUND",
    });
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toEqual(learner);
  });

  it("erases for the school's ADMIN and goes back to the list, which announces it", async () => {
    const { school, admin, learner } = await world();
    await signIn(admin.userId, school.id);
    const outcome = await eraseLearnerAction(idle, form({ learnerId: String(learner.id), confirm: "on" })).then(
      () => null,
      (caught: { digest?: string }) => caught.digest ?? null,
    );
    expect(outcome).toMatch(/^NEXT_REDIRECT;[a-z]+;\/orga\/eleves\?effacement=fait;/);
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toMatchObject({
      firstName: "ANONYME",
      isDisabled: true,
    });
  });
});
