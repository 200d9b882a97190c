import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { ErasureCandidate } from "./types";

/** The learner the erasure page names, or null (not in this school, or already erased). */
export async function getErasureCandidate(
  schoolId: AuthorizedSchoolId,
  learnerId: number,
  db: DbClient = prisma,
): Promise<ErasureCandidate | null> {
  const learner = await db.learner.findFirst({
    where: { id: learnerId, schoolId, erasedAt: null },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      preferredLastName: true,
      birthdate: true,
      division: true,
      userId: true,
      _count: { select: { participations: true } },
    },
  });
  if (!learner) return null;
  return {
    id: learner.id,
    firstName: learner.firstName,
    lastName: learner.preferredLastName ?? learner.lastName,
    birthdate: learner.birthdate.toISOString().slice(0, 10),
    division: learner.division,
    participationCount: learner._count.participations,
    hasAccount: learner.userId !== null,
  };
}

/** The learner of a school with this INE (not erased): for the operator CLI. */
export async function findLearnerIdByIne(
  schoolId: AuthorizedSchoolId,
  ine: string,
  db: DbClient = prisma,
): Promise<number | null> {
  const learner = await db.learner.findFirst({
    where: { schoolId, nationalStudentId: ine, erasedAt: null },
    select: { id: true },
  });
  return learner?.id ?? null;
}
