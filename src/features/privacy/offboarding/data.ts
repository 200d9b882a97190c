import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import { retentionEnd } from "../domain/retention";
import { RETENTION_RULES } from "../inventory";
import type { OffboardingStatus } from "./types";

export async function getOffboardingStatus(schoolId: AuthorizedSchoolId): Promise<OffboardingStatus | null> {
  const school = await prisma.school.findFirst({
    where: { id: schoolId, archivedAt: null },
    select: { name: true, uai: true, offboardingRequestedAt: true },
  });
  if (!school) return null;
  const learnerCount = await prisma.learner.count({ where: { schoolId, erasedAt: null } });
  const requestedAt = school.offboardingRequestedAt;
  return {
    name: school.name,
    uai: school.uai,
    learnerCount,
    pending: requestedAt
      ? { requestedAt, eraseOn: retentionEnd(requestedAt, RETENTION_RULES.offboardedSchools.period) }
      : null,
  };
}

/** When the school's offboarding was requested (null: none pending); read on every Orga page. */
export async function getOffboardingRequestedAt(schoolId: AuthorizedSchoolId): Promise<Date | null> {
  const school = await prisma.school.findFirst({
    where: { id: schoolId, archivedAt: null },
    select: { offboardingRequestedAt: true },
  });
  return school?.offboardingRequestedAt ?? null;
}

/** The school's learners (not erased), for the school-wide export. */
export async function listLearnerIdsForExport(schoolId: AuthorizedSchoolId): Promise<number[]> {
  const rows = await prisma.learner.findMany({
    where: { schoolId, erasedAt: null },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((row) => row.id);
}
