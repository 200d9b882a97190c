import { describe, expect, it } from "vitest";

import { createCampaign } from "../../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../../tests/factories/learners";
import {
  createInvitation,
  createMember,
  createPasswordResetToken,
  createSchool,
  createStaffUser,
} from "../../../../tests/factories/schools";
import { authorizedSchoolId, operatorSchools } from "../../../../tests/factories/session";
import { latin9, oneStudent, siecleDocument } from "@/features/siecle-import/domain/__fixtures__/siecle-builders";
import { importSiecleFile } from "@/features/siecle-import/mutations";
import { prisma } from "@/lib/db";

import { retentionEnd } from "../domain/retention";
import { ANONYMISED_NAME } from "../inventory";
import {
  anonymiseDepartedLearners,
  anonymiseInactiveGarAccounts,
  clearRejectedImportErrors,
  purgeAuditEntries,
  purgeTechnicalRecords,
  runRetention,
} from "./mutations";

const DAY = 24 * 60 * 60 * 1000;
const before = (date: Date) => new Date(date.getTime() - DAY);
const after = (date: Date) => new Date(date.getTime() + DAY);

async function auditAt(createdAt: Date, action = "test.entry") {
  const rows = await prisma.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO audit_logs (school_id, actor_user_id, action, created_at)
     VALUES (NULL, NULL, $1, ($2::timestamptz AT TIME ZONE 'UTC')) RETURNING id`,
    action,
    createdAt.toISOString(),
  );
  return rows[0]!.id;
}

describe("retention: learners who left the school (3 months, unless a campaign of theirs is active)", () => {
  it("a re-import records when they left; anonymised the day after the 3 months, kept the day before", async () => {
    const school = await createSchool({ uai: "0999001W" });
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const stays = oneStudent("1", "1111111111A", "4E B", { NOM_DE_FAMILLE: "RESTE" });
    const leaves = oneStudent("2", "2222222222B", "4E B", { NOM_DE_FAMILLE: "PARTANT" });
    const importFile = (students: ReturnType<typeof oneStudent>[]) =>
      importSiecleFile({
        schoolId: school.id,
        actorUserId: admin.userId,
        fileName: "eleves.xml",
        bytes: latin9(
          siecleDocument({
            uai: school.uai,
            students: students.map((s) => s.student),
            structures: students.map((s) => s.structure),
          }),
        ),
        dryRun: false,
        today: new Date(2026, 8, 15),
      });
    await importFile([stays, leaves]);
    await importFile([stays]);
    const left = await prisma.learner.findFirstOrThrow({ where: { nationalStudentId: "2222222222B" } });
    expect(left.isDisabled).toBe(true);
    expect(left.disabledAt).toBeInstanceOf(Date);
    // A later import that still leaves them out keeps the first date.
    await importFile([stays]);
    const again = await prisma.learner.findUniqueOrThrow({ where: { id: left.id } });
    expect(again.disabledAt).toEqual(left.disabledAt);

    const end = retentionEnd(left.disabledAt!, { months: 3 });
    expect(await anonymiseDepartedLearners(before(end), operatorSchools)).toBe(0);
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: left.id } })).toMatchObject({
      lastName: "PARTANT",
      erasedAt: null,
    });
    expect(await anonymiseDepartedLearners(after(end), operatorSchools)).toBe(1);
    expect(await prisma.learner.findUniqueOrThrow({ where: { id: left.id } })).toMatchObject({
      firstName: ANONYMISED_NAME,
      lastName: ANONYMISED_NAME,
      nationalStudentId: `EFFACE-${left.id}`,
      erasedAt: expect.any(Date),
    });
    // The one who stayed is untouched, and a second run does nothing.
    expect(await prisma.learner.findFirstOrThrow({ where: { nationalStudentId: "1111111111A" } })).toMatchObject({
      lastName: "RESTE",
    });
    expect(await anonymiseDepartedLearners(after(end), operatorSchools)).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "learner.erased" } });
    expect(audit).toMatchObject({ targetId: String(left.id), actorUserId: null });
    expect(audit.data).toMatchObject({ by: "OPERATOR", reason: "retention.departed-learner" });
  });

  it("keeps a learner with a campaign still active in that school, until it is archived", async () => {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId });
    const disabledAt = new Date("2026-09-01T08:00:00Z");
    const learner = await createLearner(school.id, { isDisabled: true });
    await prisma.learner.update({ where: { id: learner.id }, data: { disabledAt } });
    await prisma.participation.create({
      data: {
        schoolId: school.id,
        campaignId: campaign.id,
        learnerId: learner.id,
        userId: admin.userId,
        status: "STARTED",
      },
    });
    const end = retentionEnd(disabledAt, { months: 3 });
    expect(await anonymiseDepartedLearners(after(end), operatorSchools)).toBe(0);
    await prisma.campaign.update({ where: { id: campaign.id }, data: { archivedAt: new Date() } });
    expect(await anonymiseDepartedLearners(after(end), operatorSchools)).toBe(1);
    // An enabled learner is never touched, however old.
    const enabled = await createLearner(school.id);
    await anonymiseDepartedLearners(new Date("2030-01-01T00:00:00Z"), operatorSchools);
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: enabled.id } })).erasedAt).toBeNull();
  });
});

describe("retention jobs running twice at once (two instances, or the CLI beside the job)", () => {
  it("anonymise each departed learner once, and neither run fails", async () => {
    const school = await createSchool();
    const disabledAt = new Date("2026-01-10T08:00:00Z");
    for (let i = 0; i < 4; i += 1) {
      const learner = await createLearner(school.id, { isDisabled: true });
      await prisma.learner.update({ where: { id: learner.id }, data: { disabledAt } });
    }
    const at = after(retentionEnd(disabledAt, { months: 3 }));
    const counts = await Promise.all([
      anonymiseDepartedLearners(at, operatorSchools),
      anonymiseDepartedLearners(at, operatorSchools),
    ]);
    expect(counts[0] + counts[1]).toBe(4);
    expect(await prisma.learner.count({ where: { schoolId: school.id, erasedAt: null } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "learner.erased" } })).toBe(4);
  });
});

describe("retention: GAR-only student accounts without sign-in for 12 months", () => {
  it("anonymises names and deletes GAR ids the day after, not the day before; staff and password accounts untouched", async () => {
    const school = await createSchool();
    const lastSignIn = new Date("2026-03-10T09:00:00Z");
    const student = await createGarStudentUser({ garId: "ido-inactif-123", firstName: "Noé", lastName: "DORMANT" });
    await prisma.user.update({ where: { id: student.id }, data: { lastLoggedAt: lastSignIn } });
    const learner = await createLearner(school.id, { userId: student.id });
    const staff = await createStaffUser();
    await prisma.user.update({ where: { id: staff.id }, data: { lastLoggedAt: lastSignIn } });
    // A GAR account that also holds a staff role is not "GAR-only".
    const teacherStudent = await createGarStudentUser({ garId: "ido-prof-456" });
    await prisma.user.update({ where: { id: teacherStudent.id }, data: { lastLoggedAt: lastSignIn } });
    await createMember({ schoolId: school.id, userId: teacherStudent.id });

    const end = retentionEnd(lastSignIn, { months: 12 });
    expect(await anonymiseInactiveGarAccounts(before(end))).toBe(0);
    expect(await prisma.authenticationMethod.count({ where: { externalId: "ido-inactif-123" } })).toBe(1);

    expect(await anonymiseInactiveGarAccounts(after(end))).toBe(1);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: student.id } })).toMatchObject({
      firstName: ANONYMISED_NAME,
      lastName: ANONYMISED_NAME,
      email: null,
    });
    expect(await prisma.authenticationMethod.count({ where: { userId: student.id } })).toBe(0);
    expect((await prisma.learner.findUniqueOrThrow({ where: { id: learner.id } })).userId).toBeNull();
    expect(await prisma.authenticationMethod.count({ where: { userId: staff.id } })).toBe(1);
    expect(await prisma.authenticationMethod.count({ where: { externalId: "ido-prof-456" } })).toBe(1);
    expect(await anonymiseInactiveGarAccounts(after(end))).toBe(0);
  });

  it("counts from the creation of an account that never signed in", async () => {
    const created = new Date("2025-01-05T00:00:00Z");
    const student = await createGarStudentUser({ garId: "ido-jamais-789" });
    await prisma.user.update({ where: { id: student.id }, data: { createdAt: created, lastLoggedAt: null } });
    const end = retentionEnd(created, { months: 12 });
    expect(await anonymiseInactiveGarAccounts(before(end))).toBe(0);
    expect(await anonymiseInactiveGarAccounts(after(end))).toBe(1);
  });
});

describe("retention: audit entries (12 months), through the append-only trigger", () => {
  it("purges entries older than 12 months, keeps younger ones; a clock in the future cannot force the trigger", async () => {
    const now = new Date();
    const twelveMonthsAgo = new Date(now);
    twelveMonthsAgo.setUTCFullYear(now.getUTCFullYear() - 1);
    const young = await auditAt(after(twelveMonthsAgo));
    const old = await auditAt(before(twelveMonthsAgo));
    expect(await purgeAuditEntries(now)).toBe(1);
    const left = await prisma.auditLog.findMany({ select: { id: true } });
    expect(left.map((row) => row.id)).toEqual([young]);
    expect(left.map((row) => row.id)).not.toContain(old);
    // Two years ahead: the job's bound is capped at the database's clock; nothing younger goes, no error.
    expect(await purgeAuditEntries(new Date(now.getTime() + 730 * DAY))).toBe(0);
    expect(await prisma.auditLog.count({ where: { id: young } })).toBe(1);
  });
});

describe("retention: technical records at the end of their period", () => {
  it("purges expired reset tokens, finished or long-expired invitations, old throttle events and GAR requests", async () => {
    const now = new Date();
    const school = await createSchool();
    const staff = await createStaffUser();
    await createPasswordResetToken(staff.id); // valid an hour
    await prisma.passwordResetToken.create({
      data: { userId: staff.id, tokenHash: "expired-token", expiresAt: before(now) },
    });
    await createInvitation({ schoolId: school.id, email: "pending@example.test" });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "accepted@example.test",
        role: "MEMBER",
        tokenHash: "accepted",
        expiresAt: after(now),
        acceptedAt: now,
      },
    });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "expired-29@example.test",
        role: "MEMBER",
        tokenHash: "expired-29",
        expiresAt: new Date(now.getTime() - 29 * DAY),
      },
    });
    await prisma.invitation.create({
      data: {
        schoolId: school.id,
        email: "expired-31@example.test",
        role: "MEMBER",
        tokenHash: "expired-31",
        expiresAt: new Date(now.getTime() - 31 * DAY),
      },
    });
    await prisma.throttleEvent.create({ data: { bucket: "b", createdAt: new Date(now.getTime() - 23 * 3600_000) } });
    await prisma.throttleEvent.create({ data: { bucket: "b", createdAt: new Date(now.getTime() - 25 * 3600_000) } });
    await prisma.garSignInRequest.create({
      data: { id: "r1", state: "s1", nonce: "n", codeVerifier: "v", expiresAt: new Date(now.getTime() + 60_000) },
    });
    await prisma.garSignInRequest.create({
      data: { id: "r2", state: "s2", nonce: "n", codeVerifier: "v", expiresAt: new Date(now.getTime() - 60_000) },
    });
    await prisma.garSamlAssertion.create({ data: { id: "a1", expiresAt: new Date(now.getTime() - 60_000) } });
    await prisma.garSamlAssertion.create({ data: { id: "a2", expiresAt: new Date(now.getTime() + 60_000) } });

    const counts = await purgeTechnicalRecords(now);
    expect(counts).toMatchObject({
      passwordResetTokens: 1,
      invitations: 2,
      throttleEvents: 1,
      garRequests: 1,
      garSamlRows: 1,
    });
    expect(
      (await prisma.invitation.findMany({ select: { email: true }, orderBy: { email: "asc" } })).map((i) => i.email),
    ).toEqual(["expired-29@example.test", "pending@example.test"]);
    expect(await prisma.passwordResetToken.count()).toBe(1);
    // The day after the 30 days, the expired invitation goes too.
    expect((await purgeTechnicalRecords(new Date(now.getTime() + 2 * DAY))).invitations).toBe(1);
  });
});

describe("retention: errors of rejected imports (30 days)", () => {
  it("empties the errors the day after the 30 days, not the day before; the import's row stays", async () => {
    const school = await createSchool();
    const createdAt = new Date("2026-10-01T10:00:00Z");
    const row = await prisma.siecleImport.create({
      data: {
        schoolId: school.id,
        fileName: "eleves.xml",
        format: "XML",
        status: "VALIDATION_ERROR",
        errors: [{ line: 3, nationalStudentId: "3333333333C", message: "Nom manquant : DUPONT" }],
        createdAt,
      },
    });
    const end = retentionEnd(createdAt, { months: 0, days: 30 });
    expect(await clearRejectedImportErrors(before(end))).toBe(0);
    expect((await prisma.siecleImport.findUniqueOrThrow({ where: { id: row.id } })).errors).toHaveLength(1);
    expect(await clearRejectedImportErrors(after(end))).toBe(1);
    expect(await prisma.siecleImport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "VALIDATION_ERROR",
      errors: [],
    });
  });
});

describe("runRetention (npm run cli -- housekeeping)", () => {
  it("runs every rule and returns one count per rule", async () => {
    const school = await createSchool();
    await authorizedSchoolId(school.id, {
      userId: (await createMember({ schoolId: school.id, role: "ADMIN" })).userId,
    });
    const counts = await runRetention(new Date(), operatorSchools);
    expect(Object.keys(counts).sort()).toEqual([
      "auditEntries",
      "departedLearners",
      "inactiveGarAccounts",
      "offboardedSchools",
      "rejectedImportErrors",
      "technicalRecords",
    ]);
  });
});
