import { describe, expect, it } from "vitest";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { createFixtureLearners } from "../../../tests/gar/learners";
import { findFixtureStudent } from "../../../tests/gar/students";
import {
  createPendingIdentity,
  joinCampaignAsStudent,
  reconcileGarStudent,
} from "@/features/student-accounts/mutations";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { authorizedSchoolId } from "../../../tests/factories/session";

import { listIdoReplacements } from "./data";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createSharedParticipation } from "../../../tests/factories/runner";
import {
  dissociateLearner,
  LEARNER_DISSOCIATED_AUDIT_ACTION,
  LEARNER_INE_REVEALED_AUDIT_ACTION,
  revealLearnerIne,
} from "./mutations";

const ADDRESS = "203.0.113.9";

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => new Error(`expected ${code}, got success`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

async function pendingOf(key: string, overrides: { garId?: string; firstName?: string; lastName?: string } = {}) {
  const student = findFixtureStudent(key);
  return {
    id: await createPendingIdentity(),
    garId: overrides.garId ?? student.ido,
    firstName: overrides.firstName ?? student.firstName,
    lastName: overrides.lastName ?? student.lastName,
    uais: [student.uai],
  };
}

/** The demo school, where a mistaken match gave Côme MÜLLER's learner to another account. */
async function wrongLink() {
  const school = await createSchool({ uai: "0999001W" });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const learners = await createFixtureLearners(prisma, school.id);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.userId,
    code: "SIXEMB234",
    division: "6E B",
  });
  const come = findFixtureStudent("come-muller");
  // A mistaken match: an identity close enough for the tolerant pass took Côme's learner first.
  const matched = await reconcileGarStudent({
    identity: await pendingOf(come.key, { garId: "ido-homonyme", firstName: "Come", lastName: "MULLAR" }),
    campaignCode: campaign.code,
    birthdate: come.birthdate,
    clientAddress: ADDRESS,
  });
  // … and pressed *Commencer*.
  const started = await joinCampaignAsStudent({ userId: matched.userId, campaignCode: campaign.code });
  const wrong = { ...matched, participationId: started.participationId };
  const learnerId = learners.get(come.key)!;
  return { school, schoolId: await authorizedSchoolId(school.id), admin, teacher, campaign, come, wrong, learnerId };
}

describe("dissociateLearner", () => {
  it("unlinks the learner, keeps the account's work, audit-logs it; the real student then joins again", async () => {
    const { schoolId, admin, campaign, come, wrong, learnerId } = await wrongLink();

    expect(await dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } })).toEqual({
      userId: wrong.userId,
    });

    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } })).toMatchObject({ userId: null });
    // The account and its participation are still there.
    expect(await prisma.participation.findUniqueOrThrow({ where: { id: wrong.participationId } })).toMatchObject({
      userId: wrong.userId,
      deletedAt: null,
    });
    expect(await prisma.authenticationMethod.count({ where: { userId: wrong.userId } })).toBe(1);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: LEARNER_DISSOCIATED_AUDIT_ACTION } });
    expect(audit).toMatchObject({
      schoolId,
      actorUserId: admin.userId,
      targetType: "learner",
      targetId: String(learnerId),
      data: { userId: wrong.userId },
    });

    // Côme, with his own IDO, is matched again and gets his own account and participation.
    const real = await reconcileGarStudent({
      identity: await pendingOf(come.key),
      campaignCode: campaign.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    expect(real.isNewAccount).toBe(true);
    expect(real.userId).not.toBe(wrong.userId);
    const realStart = await joinCampaignAsStudent({ userId: real.userId, campaignCode: campaign.code });
    expect(realStart.participationId).not.toBe(wrong.participationId);
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } })).toMatchObject({ userId: real.userId });
    // The former account keeps its row and answers, set aside from the learner's results.
    const former = await prisma.participation.findUniqueOrThrow({ where: { id: wrong.participationId } });
    expect(former.userId).toBe(wrong.userId);
    expect(former.deletedAt).not.toBeNull();
  });

  it("lets a MEMBER (teacher) dissociate too, and refuses in a school that does not manage students", async () => {
    const { schoolId, teacher, learnerId } = await wrongLink();
    await dissociateLearner({ schoolId, learnerId, actor: { userId: teacher.userId, role: "MEMBER" } });
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } })).toMatchObject({ userId: null });

    const other = await createSchool({ managesStudents: false });
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    const learner = await prisma.learner.create({
      data: {
        schoolId: other.id,
        nationalStudentId: "9999999999Z",
        firstName: "A",
        lastName: "B",
        birthdate: new Date("2011-01-01T00:00:00Z"),
        division: "6E A",
        userId: otherAdmin.userId,
      },
    });
    await expectDomainError(
      dissociateLearner({
        schoolId: await authorizedSchoolId(other.id),
        learnerId: learner.id,
        actor: { userId: otherAdmin.userId, role: "ADMIN" },
      }),
      "FORBIDDEN",
    );
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).toMatchObject({
      userId: otherAdmin.userId,
    });
  });

  it("never reaches another school's learner, and says when there is nothing to dissociate", async () => {
    const { learnerId, schoolId, admin } = await wrongLink();
    const other = await createSchool();
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    await expectDomainError(
      dissociateLearner({
        schoolId: await authorizedSchoolId(other.id),
        learnerId,
        actor: { userId: otherAdmin.userId, role: "ADMIN" },
      }),
      "NOT_FOUND",
    );
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } })).not.toMatchObject({ userId: null });

    await dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } });
    const again = await expectDomainError(
      dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } }),
      "CONFLICT",
    );
    expect(again.userMessage).toBe("Cet élève n'est associé à aucun compte : il n'y a rien à dissocier.");
  });

  it("of 5 parallel dissociations, one does it (one audit entry)", async () => {
    const { schoolId, admin, learnerId } = await wrongLink();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.auditLog.count({ where: { action: LEARNER_DISSOCIATED_AUDIT_ACTION } })).toBe(1);
  });

  it("a dissociation racing a reconciliation of the real student leaves one consistent link", async () => {
    const { schoolId, admin, campaign, come, learnerId } = await wrongLink();
    const identity = await pendingOf(come.key);
    const [dissociated, reconciled] = await Promise.allSettled([
      dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } }),
      reconcileGarStudent({ identity, campaignCode: campaign.code, birthdate: come.birthdate, clientAddress: ADDRESS }),
    ]);
    expect(dissociated.status).toBe("fulfilled");
    if (reconciled.status !== "fulfilled") throw reconciled.reason;
    const learner = await prisma.learner.findUniqueOrThrow({ where: { id: learnerId } });
    if (learner.userId === null) {
      // Reconciled first (exact names, same UAI: the IDO replacement is accepted), then dissociated.
      expect(reconciled.value.garIdReplaced).toBe(true);
    } else {
      // Dissociated first: Côme's own new account holds the learner; the former account's
      // participation is set aside, and his own starts when he presses *Commencer*.
      expect(reconciled.value).toMatchObject({ userId: learner.userId, isNewAccount: true });
      expect(await prisma.participation.count({ where: { learnerId, deletedAt: null } })).toBe(0);
      await joinCampaignAsStudent({ userId: learner.userId, campaignCode: campaign.code });
      expect(await prisma.participation.count({ where: { learnerId, deletedAt: null, userId: learner.userId } })).toBe(
        1,
      );
    }
  });

  it("lets the real student join another campaign of the school after rejoining", async () => {
    const { schoolId, admin, campaign, come, wrong, learnerId, school } = await wrongLink();
    const second = await createCampaign({ schoolId: school.id, ownerId: admin.userId });
    // The wrong account had started the second campaign too.
    await joinCampaignAsStudent({ userId: wrong.userId, campaignCode: second.code });
    await dissociateLearner({ schoolId, learnerId, actor: { userId: admin.userId, role: "ADMIN" } });
    const real = await reconcileGarStudent({
      identity: await pendingOf(come.key),
      campaignCode: campaign.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    const joined = await joinCampaignAsStudent({ userId: real.userId, campaignCode: second.code });
    expect(await prisma.participation.findUniqueOrThrow({ where: { id: joined.participationId } })).toMatchObject({
      userId: real.userId,
      learnerId,
      deletedAt: null,
    });
  });
});

describe("listIdoReplacements", () => {
  it("lists the school's accepted and refused IDO replacements of the last 30 days, with the learner's names", async () => {
    const { schoolId, campaign, come, learnerId } = await wrongLink();
    // Refused: another fuzzy identity tries the learner.
    await expectDomainError(
      reconcileGarStudent({
        identity: await pendingOf(come.key, { garId: "ido-3", firstName: "Comme", lastName: "MULLER" }),
        campaignCode: campaign.code,
        birthdate: come.birthdate,
        clientAddress: ADDRESS,
      }),
      "LEARNER_ALREADY_LINKED",
    );
    // Accepted: exact names (the SIECLE record's) with a new IDO.
    await reconcileGarStudent({
      identity: await pendingOf(come.key, { garId: "ido-4" }),
      campaignCode: campaign.code,
      birthdate: come.birthdate,
      clientAddress: ADDRESS,
    });
    // Another school's entries and old entries are not listed.
    const other = await createSchool();
    await prisma.auditLog.create({
      data: { schoolId: other.id, action: "gar.ido_replaced", targetType: "learner", targetId: String(learnerId) },
    });
    await prisma.auditLog.create({
      data: {
        schoolId,
        action: "gar.ido_replaced",
        targetType: "learner",
        targetId: String(learnerId),
        createdAt: new Date(Date.now() - 31 * 24 * 3600 * 1000),
      },
    });

    const rows = await listIdoReplacements(schoolId);
    expect(
      rows.map((row) => [
        row.accepted,
        row.reason,
        row.learner?.firstName,
        row.learner?.lastName,
        row.learner?.division,
      ]),
    ).toEqual([
      [true, null, "Côme", "MÜLLER", "6E B"],
      [false, "NAMES_DIFFER", "Côme", "MÜLLER", "6E B"],
    ]);
  });
});

async function arrangeLearnerPage() {
  const school = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const user = await createGarStudentUser({
    garId: `IDO-PAGE-${Date.now()}`,
    firstName: "Maëlys",
    lastName: "BERTHELOT",
  });
  await prisma.user.update({ where: { id: user.id }, data: { lastLoggedAt: new Date("2026-09-15T08:30:00Z") } });
  const learner = await createLearner(school.id, {
    nationalStudentId: "1234567890A",
    firstName: "Maëlys",
    middleName: "Jeanne",
    lastName: "BERTHELOT",
    preferredLastName: "MARTIN",
    birthdate: "2012-05-17",
    division: "5E B",
    userId: user.id,
  });
  const shared = await createCampaign({
    schoolId: school.id,
    ownerId: admin.userId,
    division: "5E B",
    name: "Rentrée",
  });
  const started = await createCampaign({
    schoolId: school.id,
    ownerId: admin.userId,
    division: "5E B",
    name: "Sécurité",
  });
  const sharedParticipation = await createSharedParticipation({
    campaignId: shared.id,
    learnerId: learner.id,
    userId: user.id,
    masteryRate: 0.75,
  });
  const startedParticipation = await prisma.participation.create({
    data: { schoolId: school.id, campaignId: started.id, learnerId: learner.id, userId: user.id, masteryRate: 0.4 },
  });
  const schoolId = await authorizedSchoolId(school.id, { userId: admin.userId });
  return { school, admin, teacher, user, learner, schoolId, sharedParticipation, startedParticipation };
}

describe("revealLearnerIne", () => {
  it("gives an ADMIN the full INE and audit-logs it with ids only", async () => {
    const { schoolId, learner, admin } = await arrangeLearnerPage();
    const revealed = await revealLearnerIne({
      schoolId,
      learnerId: learner.id,
      actor: { userId: admin.userId, role: "ADMIN" },
    });
    expect(revealed).toEqual({ ine: "1234567890A" });
    const audit = await prisma.auditLog.findMany({ where: { action: LEARNER_INE_REVEALED_AUDIT_ACTION } });
    expect(audit).toEqual([
      expect.objectContaining({
        schoolId,
        actorUserId: admin.userId,
        targetType: "learner",
        targetId: String(learner.id),
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain("1234567890A");
  });

  it("refuses a MEMBER (FORBIDDEN) and writes no audit row", async () => {
    const { schoolId, learner, teacher } = await arrangeLearnerPage();
    const error = await revealLearnerIne({
      schoolId,
      learnerId: learner.id,
      actor: { userId: teacher.userId, role: "MEMBER" },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("FORBIDDEN");
    expect(await prisma.auditLog.count({ where: { action: LEARNER_INE_REVEALED_AUDIT_ACTION } })).toBe(0);
  });

  it("is NOT_FOUND for an ADMIN of another school", async () => {
    const { learner } = await arrangeLearnerPage();
    const other = await createSchool();
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    const otherSchoolId = await authorizedSchoolId(other.id, { userId: otherAdmin.userId });
    const error = await revealLearnerIne({
      schoolId: otherSchoolId,
      learnerId: learner.id,
      actor: { userId: otherAdmin.userId, role: "ADMIN" },
    }).catch((caught: unknown) => caught);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    expect(await prisma.auditLog.count({ where: { action: LEARNER_INE_REVEALED_AUDIT_ACTION } })).toBe(0);
  });
});
