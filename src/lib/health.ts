import "server-only";

import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";

/** A real round-trip to the database, bounded so that a hung server does not hang the probe. */
export async function checkDatabase(timeoutMs = 2000): Promise<{ ok: boolean }> {
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return { ok: true };
  } catch (error) {
    logger.warn("health.database_unreachable", { error: (error as Error).message });
    return { ok: false };
  }
}
