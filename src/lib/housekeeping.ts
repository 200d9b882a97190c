import "server-only";

import { prisma } from "@/lib/db";
import { logger } from "@/lib/logger";
import { pruneExpiredSessions } from "@/lib/session-store";
import { pruneThrottleEvents } from "@/lib/throttle";

/**
 * Deletes rows that have outlived their purpose: sessions past their absolute or idle limit, old
 * throttle events, OpenID requests that were consumed or abandoned. Idempotent, so every
 * instance may run it.
 */
export async function runHousekeeping(
  now = new Date(),
): Promise<{ sessions: number; throttleEvents: number; garRequests: number; garPendingIdentities: number }> {
  const sessions = await pruneExpiredSessions(now);
  const throttleEvents = await pruneThrottleEvents();
  const { count: garRequests } = await prisma.garSignInRequest.deleteMany({ where: { expiresAt: { lt: now } } });
  // A pending identity past its hour can be neither used nor replayed: its row may go.
  const { count: garPendingIdentities } = await prisma.garPendingIdentity.deleteMany({ where: { expiresAt: { lt: now } } });
  return { sessions, throttleEvents, garRequests, garPendingIdentities };
}

export function scheduleHousekeeping(intervalMs = 10 * 60 * 1000): void {
  const tick = () =>
    runHousekeeping()
      .then((counts) => logger.debug("housekeeping.done", counts))
      .catch((error: unknown) => logger.warn("housekeeping.failed", { error: (error as Error).message }));
  setInterval(tick, intervalMs).unref();
}
