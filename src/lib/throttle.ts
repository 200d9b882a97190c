import "server-only";

import { prisma, type DbClient } from "@/lib/db";

/**
 * A sliding-window counter in PostgreSQL, shared by every app instance. `bucket` names what is
 * counted and for whom, e.g. `gar-birthdate:<pending id hash>`; never put personal data in it.
 */
export type ThrottleRule = { bucket: string; limit: number; windowMs: number };

export type ThrottleStatus = { blocked: boolean; count: number; retryAfterSeconds: number };

export async function checkThrottle(rule: ThrottleRule, db: DbClient = prisma, now = new Date()): Promise<ThrottleStatus> {
  const since = new Date(now.getTime() - rule.windowMs);
  const events = await db.throttleEvent.findMany({
    where: { bucket: rule.bucket, createdAt: { gt: since } },
    select: { createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  if (events.length < rule.limit) return { blocked: false, count: events.length, retryAfterSeconds: 0 };
  // Blocked until the oldest event that still counts leaves the window.
  const oldest = events[events.length - rule.limit]!.createdAt.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((oldest + rule.windowMs - now.getTime()) / 1000));
  return { blocked: true, count: events.length, retryAfterSeconds };
}

export async function recordThrottleEvent(bucket: string, db: DbClient = prisma, now = new Date()): Promise<void> {
  await db.throttleEvent.create({ data: { bucket, createdAt: now } });
}

export async function clearThrottle(bucket: string, db: DbClient = prisma): Promise<void> {
  await db.throttleEvent.deleteMany({ where: { bucket } });
}

/** Housekeeping: events older than the longest window are useless. */
export async function pruneThrottleEvents(olderThanMs = 24 * 60 * 60 * 1000, db: DbClient = prisma): Promise<number> {
  const { count } = await db.throttleEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
  return count;
}
