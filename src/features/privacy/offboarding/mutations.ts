import "server-only";

import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DomainError, isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AuthorizedSchoolId } from "@/lib/session";

import { retentionCutoff, retentionEnd } from "../domain/retention";
import { ANONYMISED_NAME, RETENTION_RULES } from "../inventory";
import { eraseLearner, exportLearnerData } from "../mutations";
import type { LearnerExport, PrivacyActor } from "../types";
import { listLearnerIdsForExport } from "./data";

/**
 * A school's offboarding (issue 11): an ADMIN (Orga) or the operator (`school:offboard`) asks; the
 * school keeps working during a 3-month grace period in which either can cancel; then the
 * `retention.offboarded-schools` job erases all the school's personal data and closes its staff
 * accounts. Request, cancellation and erasure are audit-logged (ids and counts only).
 */
export const OFFBOARDING_AUDIT_ACTIONS = {
  requested: "school.offboarding_requested",
  cancelled: "school.offboarding_cancelled",
  erased: "school.offboarded",
  exported: "school.exported",
} as const;

const actorUserId = (actor: PrivacyActor) => (actor === "operator" ? null : actor.userId);
const actorKind = (actor: PrivacyActor) => (actor === "operator" ? "OPERATOR" : actor.role);

export type OffboardingState = { requestedAt: Date; eraseAfter: Date };

export type SchoolExport = {
  format: "pix-orga/school-export/1";
  exportedAt: string;
  schoolId: number;
  learners: LearnerExport[];
};

/**
 * Everything stored about every learner of the school (the export offered before an offboarding):
 * each learner's export as ADR 012 makes it (each one audit-logged as `learner.exported`), plus
 * one `school.exported` entry with the count.
 */
export async function exportSchoolLearners(options: {
  schoolId: AuthorizedSchoolId;
  actor: PrivacyActor;
}): Promise<SchoolExport> {
  const { schoolId, actor } = options;
  if (actor !== "operator") assertCan(actor, "learners:export");
  const now = new Date();
  const learners: LearnerExport[] = [];
  for (const learnerId of await listLearnerIdsForExport(schoolId)) {
    learners.push(await exportLearnerData({ schoolId, learnerId, actor, now }));
  }
  await recordAudit({
    schoolId,
    actorUserId: actorUserId(actor),
    action: OFFBOARDING_AUDIT_ACTIONS.exported,
    targetType: "school",
    targetId: schoolId,
    data: { by: actorKind(actor), learners: learners.length },
  });
  return { format: "pix-orga/school-export/1", exportedAt: now.toISOString(), schoolId, learners };
}

/** Asks for the offboarding. A second request changes nothing (the first date stands): CONFLICT. */
export async function requestSchoolOffboarding(options: {
  schoolId: AuthorizedSchoolId;
  actor: PrivacyActor;
  now?: Date;
}): Promise<OffboardingState> {
  const { schoolId, actor, now = new Date() } = options;
  if (actor !== "operator") assertCan(actor, "school:offboard");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.school.updateMany({
      where: { id: schoolId, archivedAt: null, offboardingRequestedAt: null, offboardedAt: null },
      data: { offboardingRequestedAt: now, offboardingRequestedById: actorUserId(actor) },
    });
    if (count === 0) {
      const school = await tx.school.findFirst({ where: { id: schoolId, archivedAt: null }, select: { id: true } });
      throw new DomainError(school ? "CONFLICT" : "NOT_FOUND");
    }
    const eraseAfter = retentionEnd(now, RETENTION_RULES.offboardedSchools.period);
    await recordAudit(
      {
        schoolId,
        actorUserId: actorUserId(actor),
        action: OFFBOARDING_AUDIT_ACTIONS.requested,
        targetType: "school",
        targetId: schoolId,
        data: { by: actorKind(actor), eraseAfter: eraseAfter.toISOString() },
      },
      tx,
    );
    return { requestedAt: now, eraseAfter };
  });
}

/** Cancels a pending offboarding (grace period). Nothing pending: CONFLICT. */
export async function cancelSchoolOffboarding(options: {
  schoolId: AuthorizedSchoolId;
  actor: PrivacyActor;
}): Promise<void> {
  const { schoolId, actor } = options;
  if (actor !== "operator") assertCan(actor, "school:offboard");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.school.updateMany({
      where: { id: schoolId, archivedAt: null, offboardingRequestedAt: { not: null }, offboardedAt: null },
      data: { offboardingRequestedAt: null, offboardingRequestedById: null },
    });
    if (count === 0) {
      const school = await tx.school.findFirst({ where: { id: schoolId, archivedAt: null }, select: { id: true } });
      throw new DomainError(school ? "CONFLICT" : "NOT_FOUND");
    }
    await recordAudit(
      {
        schoolId,
        actorUserId: actorUserId(actor),
        action: OFFBOARDING_AUDIT_ACTIONS.cancelled,
        targetType: "school",
        targetId: schoolId,
        data: { by: actorKind(actor) },
      },
      tx,
    );
  });
}

/**
 * Every school whose offboarding was requested more than 3 months before `now`: its learners
 * erased one by one as by ADR 012 (statistics kept without identity), then in one transaction
 * (under the school's row lock, re-checking the request so that a cancellation wins) its pupils'
 * lockouts, staged imports, import errors and invitations deleted, its staff accounts closed (the
 * membership removed; an account left with no school is anonymised, its sign-in methods, sessions
 * and reset tokens deleted), and the school archived and marked offboarded. Returns the number of
 * schools done.
 */
export async function eraseOffboardedSchools(
  now: Date,
  schools: (schoolId: number) => AuthorizedSchoolId,
): Promise<number> {
  const cutoff = retentionCutoff(now, RETENTION_RULES.offboardedSchools.period);
  const due = await prisma.school.findMany({
    where: { offboardingRequestedAt: { lt: cutoff }, offboardedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let done = 0;
  for (const { id } of due) {
    const schoolId = schools(id);
    let erasedLearners = 0;
    for (;;) {
      const learners = await prisma.learner.findMany({
        where: { schoolId: id, erasedAt: null },
        select: { id: true },
        orderBy: { id: "asc" },
        take: 200,
      });
      if (learners.length === 0) break;
      // A cancellation during the run stops it before the next batch.
      const stillDue = await prisma.school.count({
        where: { id, offboardingRequestedAt: { lt: cutoff }, offboardedAt: null },
      });
      if (stillDue === 0) break;
      for (const learner of learners) {
        try {
          await eraseLearner({
            schoolId,
            learnerId: learner.id,
            actor: "operator",
            reason: "retention.offboarded-school",
          });
          erasedLearners += 1;
        } catch (error) {
          // Another run (a second instance, the CLI) erased them first.
          if (!(isDomainError(error) && error.code === "NOT_FOUND")) throw error;
        }
      }
    }
    const closed = await closeSchool(id, cutoff, now, erasedLearners);
    if (closed) done += 1;
  }
  return done;
}

async function closeSchool(id: number, cutoff: Date, now: Date, erasedLearners: number): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM schools WHERE id = $1::int AND offboarded_at IS NULL
         AND offboarding_requested_at < ($2::timestamptz AT TIME ZONE 'UTC') FOR UPDATE`,
      id,
      cutoff.toISOString(),
    );
    if (locked.length === 0) return false;
    const remaining = await tx.learner.count({ where: { schoolId: id, erasedAt: null } });
    if (remaining > 0) return false; // an import added learners meanwhile: the next run finishes.
    const { count: lockouts } = await tx.studentLockout.deleteMany({ where: { schoolId: id } });
    const { count: stagedImports } = await tx.siecleImportStaging.deleteMany({ where: { schoolId: id } });
    const importErrors = await tx.$executeRawUnsafe(
      `UPDATE siecle_imports SET errors = '[]'::jsonb WHERE school_id = $1::int AND errors IS NOT NULL AND errors <> '[]'::jsonb`,
      id,
    );
    const { count: invitations } = await tx.invitation.deleteMany({ where: { schoolId: id } });
    const members = await tx.member.findMany({ where: { schoolId: id }, select: { userId: true } });
    const staffIds = members.map((member) => member.userId);
    await tx.member.deleteMany({ where: { schoolId: id } });
    // Accounts that still belong to another school (a membership or a learner) stay as they are.
    const others = await tx.user.findMany({
      where: {
        id: { in: staffIds },
        OR: [{ memberships: { some: {} } }, { learners: { some: { erasedAt: null } } }],
      },
      select: { id: true },
    });
    const kept = new Set(others.map((user) => user.id));
    const closedIds = staffIds.filter((userId) => !kept.has(userId));
    await tx.authenticationMethod.deleteMany({ where: { userId: { in: closedIds } } });
    await tx.session.deleteMany({ where: { userId: { in: closedIds } } });
    await tx.passwordResetToken.deleteMany({ where: { userId: { in: closedIds } } });
    await tx.user.updateMany({
      where: { id: { in: closedIds } },
      data: { firstName: ANONYMISED_NAME, lastName: ANONYMISED_NAME, email: null, lastLoggedAt: null },
    });
    // Sessions of staff who keep another school may still point at this one.
    await tx.session.updateMany({ where: { currentSchoolId: id }, data: { currentSchoolId: null } });
    await tx.school.update({ where: { id }, data: { archivedAt: now, offboardedAt: now } });
    const counts = {
      learners: erasedLearners,
      staffClosed: closedIds.length,
      staffKept: kept.size,
      lockouts,
      stagedImports,
      importErrors,
      invitations,
    };
    await recordAudit(
      {
        schoolId: id,
        actorUserId: null,
        action: OFFBOARDING_AUDIT_ACTIONS.erased,
        targetType: "school",
        targetId: id,
        data: { by: "RETENTION", ...counts },
      },
      tx,
    );
    logger.info("privacy.school_offboarded", { schoolId: id, ...counts });
    return true;
  });
}
