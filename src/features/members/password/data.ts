import "server-only";

import { prisma } from "@/lib/db";
import { hashToken } from "@/lib/tokens";

export async function isPasswordResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
  const row = await prisma.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true },
  });
  return row !== null && row.usedAt === null && row.expiresAt.getTime() > now.getTime();
}
