import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import { compareDivisions, sortDivisions } from "./domain/class-label";
import type { ClassSummary } from "./types";

/** The school's classes: the divisions of its enabled learners, in school order. */
export async function listDivisions(schoolId: AuthorizedSchoolId, db: DbClient = prisma): Promise<string[]> {
  const rows = await db.learner.findMany({
    where: { schoolId, isDisabled: false },
    select: { division: true },
    distinct: ["division"],
  });
  return sortDivisions(rows.map((row) => row.division));
}

export async function isExistingDivision(
  schoolId: AuthorizedSchoolId,
  division: string,
  db: DbClient = prisma,
): Promise<boolean> {
  const learner = await db.learner.findFirst({
    where: { schoolId, division, isDisabled: false },
    select: { id: true },
  });
  return learner !== null;
}

/** Each class with its learner count, how many have joined Pix, and its active campaigns. */
export async function listClasses(schoolId: AuthorizedSchoolId, db: DbClient = prisma): Promise<ClassSummary[]> {
  const [counts, campaigns] = await Promise.all([
    db.$queryRaw<{ division: string; learner_count: number; joined_count: number }[]>`
      SELECT division, count(*)::int AS learner_count, count(user_id)::int AS joined_count
      FROM learners
      WHERE school_id = ${schoolId} AND is_disabled = false
      GROUP BY division
    `,
    db.campaign.findMany({
      where: { schoolId, archivedAt: null, division: { not: null } },
      select: { id: true, name: true, code: true, division: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return counts
    .map((row) => ({
      division: row.division,
      learnerCount: row.learner_count,
      joinedCount: row.joined_count,
      campaigns: campaigns
        .filter((campaign) => campaign.division === row.division)
        .map(({ id, name, code }) => ({ id, name, code })),
    }))
    .sort((a, b) => compareDivisions(a.division, b.division));
}
