import "server-only";

import { getSchoolSubscription } from "@/features/gar-subscriptions/data";
import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { PendingLearner, ReadinessFacts } from "./types";

const fullName = (user: { firstName: string; lastName: string } | null) =>
  user ? `${user.firstName} ${user.lastName}` : null;

/** The school's last two successful imports: the last one, and when the one before it ran. */
export async function getImportDates(schoolId: AuthorizedSchoolId) {
  const imports = await prisma.siecleImport.findMany({
    where: { schoolId, status: "IMPORTED" },
    orderBy: { createdAt: "desc" },
    take: 2,
    select: { createdAt: true, createdBy: { select: { firstName: true, lastName: true } } },
  });
  const [last, previous] = imports;
  return {
    last: last ? { at: last.createdAt, by: fullName(last.createdBy) } : null,
    previousAt: previous?.createdAt ?? null,
  };
}

/**
 * Enabled learners never arrived through the GAR (no account linked). Newcomers: created after the
 * import before the last one (so by the last import, or since); none on a first import.
 */
export async function listPendingLearners(
  schoolId: AuthorizedSchoolId,
  previousImportAt: Date | null,
): Promise<PendingLearner[]> {
  const learners = await prisma.learner.findMany({
    where: { schoolId, isDisabled: false, userId: null, erasedAt: null },
    select: { id: true, firstName: true, lastName: true, division: true, createdAt: true },
    orderBy: [{ division: "asc" }, { lastName: "asc" }, { firstName: "asc" }],
  });
  return learners.map(({ createdAt, ...learner }) => ({
    ...learner,
    isNewcomer: previousImportAt !== null && createdAt > previousImportAt,
  }));
}

export async function getReadinessFacts(
  schoolId: AuthorizedSchoolId,
  options: { subscriptionsManaged: boolean },
): Promise<ReadinessFacts> {
  const [firstAdmin, imports, subscription, enabledLearnerCount, classes, covered] = await Promise.all([
    prisma.member.findFirst({
      where: { schoolId, role: "ADMIN" },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, user: { select: { firstName: true, lastName: true } } },
    }),
    getImportDates(schoolId),
    getSchoolSubscription(schoolId),
    prisma.learner.count({ where: { schoolId, isDisabled: false, erasedAt: null } }),
    prisma.learner.findMany({
      where: { schoolId, isDisabled: false, erasedAt: null },
      distinct: ["division"],
      select: { division: true },
      orderBy: { division: "asc" },
    }),
    prisma.campaign.findMany({
      where: { schoolId, archivedAt: null, division: { not: null } },
      distinct: ["division"],
      select: { division: true },
    }),
  ]);
  return {
    activation: firstAdmin ? { at: firstAdmin.createdAt, by: fullName(firstAdmin.user)! } : null,
    lastImport: imports.last,
    subscriptionsManaged: options.subscriptionsManaged,
    subscription,
    enabledLearnerCount,
    pendingLearners: await listPendingLearners(schoolId, imports.previousAt),
    classes: classes.map((row) => row.division),
    classesWithActiveCampaign: covered.map((row) => row.division!),
  };
}
