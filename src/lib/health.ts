import "server-only";

import { prisma, type DbClient } from "@/lib/db";
import { logger } from "@/lib/logger";

/** A real round-trip to the database, bounded so that a hung server does not hang the probe. */
export async function checkDatabase(db: DbClient = prisma, timeoutMs = 2000): Promise<{ ok: boolean }> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs)),
    ]);
    return { ok: true };
  } catch (error) {
    logger.warn("health.database_unreachable", { error: (error as Error).message });
    return { ok: false };
  }
}
