import "server-only";

import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AuthorizedSchoolId } from "@/lib/session";
import { learnersMessages } from "@/messages/fr/learners";

import type { MemberRole } from "@/features/members/types";

export const LEARNER_DISSOCIATED_AUDIT_ACTION = "learner.dissociated";

export type DissociateLearnerOptions = {
  schoolId: AuthorizedSchoolId;
  learnerId: number;
  actor: { userId: number; role: MemberRole };
  now?: Date;
};

/**
 * *Dissocier le compte* (Pix Orga): the learner is no longer linked to the student account that
 * was matched to it (by mistake, or by someone else). The account keeps its answers and
 * participations; the learner can be joined again (the next reconciliation finds it unlinked).
 * Row-locked, so of two parallel clicks one dissociates and the other finds nothing to do.
 */
export async function dissociateLearner(options: DissociateLearnerOptions): Promise<{ userId: number }> {
  const { schoolId, learnerId, actor, now = new Date() } = options;
  const school = await prisma.school.findUnique({ where: { id: schoolId }, select: { managesStudents: true } });
  if (!school) throw new DomainError("NOT_FOUND");
  assertCan(actor, "learners:dissociate", school);

  const userId = await prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ user_id: number | null }[]>`
      SELECT user_id FROM learners WHERE id = ${learnerId} AND school_id = ${schoolId} FOR UPDATE`;
    const row = rows[0];
    if (!row) throw new DomainError("NOT_FOUND");
    if (row.user_id === null) throw new DomainError("CONFLICT", { userMessage: learnersMessages.dissociate.notLinked });
    await tx.learner.update({ where: { id: learnerId }, data: { userId: null, updatedAt: now } });
    await recordAudit(
      {
        schoolId,
        actorUserId: actor.userId,
        action: LEARNER_DISSOCIATED_AUDIT_ACTION,
        targetType: "learner",
        targetId: learnerId,
        data: { userId: row.user_id },
      },
      tx,
    );
    return row.user_id;
  });
  logger.info("learners.dissociated", { schoolId, learnerId, userId, actorUserId: actor.userId });
  return { userId };
}

export const LEARNER_INE_REVEALED_AUDIT_ACTION = "learner.ine-revealed";

/**
 * *Afficher l'INE* on the learner page: the full INE of a learner of this school, for an ADMIN
 * (`learners:reveal-ine`), audit-logged (ids only) in the same transaction as the read.
 */
export async function revealLearnerIne(options: {
  schoolId: AuthorizedSchoolId;
  learnerId: number;
  actor: { userId: number; role: MemberRole };
}): Promise<{ ine: string }> {
  const { schoolId, learnerId, actor } = options;
  assertCan(actor, "learners:reveal-ine");
  return prisma.$transaction(async (tx) => {
    const learner = await tx.learner.findFirst({
      where: { id: learnerId, schoolId, erasedAt: null },
      select: { nationalStudentId: true },
    });
    if (!learner) throw new DomainError("NOT_FOUND");
    await recordAudit(
      {
        schoolId,
        actorUserId: actor.userId,
        action: LEARNER_INE_REVEALED_AUDIT_ACTION,
        targetType: "learner",
        targetId: learnerId,
      },
      tx,
    );
    return { ine: learner.nationalStudentId };
  });
}
