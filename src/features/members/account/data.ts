import "server-only";

import { prisma } from "@/lib/db";

export async function getStaffAccount(
  userId: number,
): Promise<{ firstName: string; lastName: string; email: string | null } | null> {
  return prisma.user.findUnique({ where: { id: userId }, select: { firstName: true, lastName: true, email: true } });
}
