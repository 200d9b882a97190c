import "server-only";

import { prisma, type DbClient } from "@/lib/db";

/** The schools (not archived) a user can work in, in the switcher's order. */
export async function listActiveSchoolIds(userId: number, db: DbClient = prisma): Promise<number[]> {
  const memberships = await db.member.findMany({
    where: { userId, school: { archivedAt: null } },
    select: { schoolId: true },
    orderBy: { school: { name: "asc" } },
  });
  return memberships.map((membership) => membership.schoolId);
}
