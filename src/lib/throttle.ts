import "server-only";

import { prisma, type DbClient } from "@/lib/db";

/**
 * A sliding-window counter in PostgreSQL, shared by every app instance. `bucket` names what is
 * counted and for whom, e.g. `gar-birthdate:<pending id hash>`; never put personal data in it.
 *
 * Checking and counting are one step: `takeThrottleSlot` takes a per-bucket advisory lock
 * (pg_advisory_xact_lock), counts the events still in the window and records a new one only while
 * under the limit, all in one statement (a PL/pgSQL function, docs/decisions/023). Parallel requests therefore cannot all pass a
 * check before any of them is recorded. Callers take the slot BEFORE evaluating the attempt, and
 * give it back (`releaseThrottleSlot`) when the attempt turns out not to count (a right answer).
 */
export type ThrottleRule = { bucket: string; limit: number; windowMs: number };

export type ThrottleSlot =
  /** The attempt may go on; `count` includes it; `blockedUntil` is set when it used the last slot. */
  | { ok: true; eventId: number; count: number; blockedUntil: Date | null }
  | { ok: false; count: number; retryAfterSeconds: number };

type SlotsRow = { n: number; id: number | null; recent: number; oldest: Date | null };

/**
 * One statement, whatever the number of rules: `take_throttle_slots` (migration
 * 20261206120000, docs/decisions/023) takes the buckets' advisory locks in bucket order, so that
 * two callers never wait on each other crosswise, then counts and inserts with a snapshot taken
 * after the locks. All or nothing: an event for every rule, or none when any is at its limit.
 */
function querySlots(db: DbClient, rules: readonly ThrottleRule[], now: Date) {
  const buckets = rules.map((rule) => rule.bucket);
  const since = rules.map((rule) => new Date(now.getTime() - rule.windowMs).toISOString());
  const limits = rules.map((rule) => rule.limit);
  return db.$queryRaw<SlotsRow[]>`
    SELECT n, id, recent, oldest FROM take_throttle_slots(
      ${buckets}::text[], ${since}::timestamp(3)[], ${limits}::int[], ${now.toISOString()}::timestamp(3))`;
}

/**
 * Atomically: refuses when `rule.limit` events are already in the window, else records one.
 * Pass `db` only to join a caller's transaction (the advisory lock then lasts until it ends).
 */
export async function takeThrottleSlot(
  rule: ThrottleRule,
  now = new Date(),
  db: DbClient = prisma,
): Promise<ThrottleSlot> {
  const [row] = await querySlots(db, [rule], now);
  const recent = row?.recent ?? 0;
  const oldest = row?.oldest?.getTime() ?? now.getTime();
  if (row?.id == null) {
    // Blocked until the oldest event that still counts leaves the window. Under concurrency a caller's
    // `now` can precede events that others recorded while it waited for the lock: never more than a window.
    const waitMs = Math.min(rule.windowMs, oldest + rule.windowMs - now.getTime());
    return { ok: false, count: recent, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }
  const count = recent + 1;
  return {
    ok: true,
    eventId: Number(row.id),
    count,
    blockedUntil: count >= rule.limit ? new Date(oldest + rule.windowMs) : null,
  };
}

export type ThrottleSlots =
  | { ok: true; slots: (ThrottleSlot & { ok: true })[] }
  /** Nothing recorded; `refused` lists the rules (by index) at their limit. */
  | { ok: false; refused: { index: number; count: number; retryAfterSeconds: number }[] };

/**
 * `takeThrottleSlot` for several rules at once, all or nothing: a slot of each, or none when any
 * is at its limit. One statement whatever the number of rules. Buckets must be distinct.
 */
export async function takeThrottleSlots(rules: readonly ThrottleRule[], now = new Date()): Promise<ThrottleSlots> {
  const rows = await querySlots(prisma, rules, now);
  const results = rules.map((rule, index) => {
    const row = rows.find((candidate) => candidate.n === index + 1);
    return {
      rule,
      index,
      id: row?.id ?? null,
      recent: row?.recent ?? 0,
      oldest: row?.oldest?.getTime() ?? now.getTime(),
    };
  });
  if (results.every((result) => result.id != null)) {
    return {
      ok: true,
      slots: results.map(({ rule, id, recent, oldest }) => ({
        ok: true as const,
        eventId: Number(id),
        count: recent + 1,
        blockedUntil: recent + 1 >= rule.limit ? new Date(oldest + rule.windowMs) : null,
      })),
    };
  }
  return {
    ok: false,
    refused: results
      .filter(({ rule, recent }) => recent >= rule.limit)
      .map(({ rule, index, recent, oldest }) => ({
        index,
        count: recent,
        retryAfterSeconds: Math.max(
          1,
          Math.ceil(Math.min(rule.windowMs, oldest + rule.windowMs - now.getTime()) / 1000),
        ),
      })),
  };
}

/** Gives back slots taken together (`takeThrottleSlots`): one statement. */
export async function releaseThrottleSlots(slots: readonly ThrottleSlot[], db: DbClient = prisma): Promise<void> {
  const ids = slots.flatMap((slot) => (slot.ok ? [slot.eventId] : []));
  if (ids.length > 0) await db.throttleEvent.deleteMany({ where: { id: { in: ids } } });
}

/** Gives back a slot taken by `takeThrottleSlot` (the attempt did not count, e.g. it was right). */
export async function releaseThrottleSlot(slot: ThrottleSlot, db: DbClient = prisma): Promise<void> {
  if (slot.ok) await db.throttleEvent.deleteMany({ where: { id: slot.eventId } });
}

/** Records an event unconditionally (no limit): for counting only, and for arranging tests. */
export async function recordThrottleEvent(bucket: string, db: DbClient = prisma, now = new Date()): Promise<void> {
  await db.throttleEvent.create({ data: { bucket, createdAt: now } });
}

export async function clearThrottle(bucket: string, db: DbClient = prisma): Promise<void> {
  await db.throttleEvent.deleteMany({ where: { bucket } });
}

/** Housekeeping: events older than the longest window are useless. */
export async function pruneThrottleEvents(
  olderThanMs = 24 * 60 * 60 * 1000,
  db: DbClient = prisma,
  now = new Date(),
): Promise<number> {
  const { count } = await db.throttleEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - olderThanMs) } },
  });
  return count;
}
