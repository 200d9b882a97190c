import "server-only";

import { recordAudit } from "@/lib/audit";
import { prisma, type DbClient, Prisma } from "@/lib/db";
import { sessionSecret } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { hashPassword, verifyPassword } from "@/lib/password";
import { setSessionSchool } from "@/lib/session-store";
import { releaseThrottleSlot, takeThrottleSlot, type ThrottleRule } from "@/lib/throttle";
import { membersMessages as m } from "@/messages/fr/members";

import { emailBucket, normalizeEmail } from "../domain/email-list";
import {
  describeLock,
  describeNextLock,
  type LockInForce,
  type LockoutState,
  MAX_FAILED_SIGN_INS,
  nextLock,
} from "../domain/sign-in-lockout";

let dummyHash: Promise<string> | undefined;

/** Same cost as a real check, so response times do not tell which e-mails have an account. */
async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
  await verifyPassword(password, await dummyHash);
}

/* ───────────────────────────── sign-in ───────────────────────────── */

export type AuthenticateResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "INVALID_CREDENTIALS" }
  | { ok: false; reason: "BLOCKED"; minutesLeft: number }
  | { ok: false; reason: "BLOCKED_UNTIL_UNBLOCKED" }
  | { ok: false; reason: "ADDRESS_BLOCKED"; minutesLeft: number };

/**
 * Wrong staff passwords per client address, whatever the account (known or not): one client
 * cannot lock every account it knows. A school's staff share an address; 30 in 15 minutes is
 * far above their typos.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = { limit: 30, windowMs: 15 * 60_000 } as const;
/** An attempt that reserved the last slot and never finished (a crashed instance) stops counting after this. */
const STALE_ATTEMPT_MS = 60_000;

function addressRule(clientAddress: string): ThrottleRule {
  return { bucket: emailBucket("sign-in-address", clientAddress, sessionSecret()), ...FAILED_SIGN_INS_PER_ADDRESS };
}

type LockRow = { failed_sign_in_count: number; blocked_until: Date | null; sign_in_lock_count: number };

function stateOf(row: LockRow | undefined): LockoutState {
  return {
    failedSignInCount: row?.failed_sign_in_count ?? 0,
    blockedUntil: row?.blocked_until ?? null,
    signInLockCount: row?.sign_in_lock_count ?? 0,
  };
}

const ts = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp(3)`;

/**
 * Where an account's failures and lock are counted: the user row, or for an e-mail without a
 * staff account a row keyed by its HMAC, with the same rules and statements, so both answer alike.
 */
type LockoutStore = {
  /** Atomically counts one more attempt; null when a lock is in force or the last attempt is already in flight. */
  reserve(now: Date): Promise<LockRow | null>;
  read(): Promise<LockoutState>;
  /** Gives back a reserved attempt whose password was not checked (the address cap refused it). */
  unreserve(now: Date): Promise<void>;
  /** Sets the lock this attempt earned, unless another lock was set meanwhile (or a success reset the progression). */
  lock(reserved: LockRow, now: Date): Promise<LockoutState | null>;
  /** Clears the count, unless a lock is in force (a success never lifts a lock). */
  succeed(now: Date): Promise<boolean>;
};

function userLockoutStore(userId: number): LockoutStore {
  return {
    async reserve(now) {
      const stale = new Date(now.getTime() - STALE_ATTEMPT_MS);
      const rows = await prisma.$queryRaw<LockRow[]>`
        UPDATE users SET
          failed_sign_in_count = CASE WHEN blocked_until IS NOT NULL THEN 1 ELSE failed_sign_in_count + 1 END,
          blocked_until = NULL, updated_at = ${ts(now)}
        WHERE id = ${userId} AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})
          AND (blocked_until IS NOT NULL OR failed_sign_in_count < ${MAX_FAILED_SIGN_INS} OR updated_at < ${ts(stale)})
        RETURNING failed_sign_in_count, blocked_until, sign_in_lock_count`;
      return rows[0] ?? null;
    },
    async read() {
      const rows = await prisma.$queryRaw<LockRow[]>`
        SELECT failed_sign_in_count, blocked_until, sign_in_lock_count FROM users WHERE id = ${userId}`;
      return stateOf(rows[0]);
    },
    async unreserve(now) {
      await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = failed_sign_in_count - 1
        WHERE id = ${userId} AND failed_sign_in_count > 0 AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
    },
    async lock(reserved, now) {
      const next = nextLock(stateOf(reserved), now);
      const updated = await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = 0, blocked_until = ${ts(next.blockedUntil)},
          sign_in_lock_count = ${next.signInLockCount}, updated_at = ${ts(now)}
        WHERE id = ${userId} AND sign_in_lock_count = ${reserved.sign_in_lock_count}
          AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1 ? next : null;
    },
    async succeed(now) {
      const updated = await prisma.$executeRaw`
        UPDATE users SET failed_sign_in_count = 0, sign_in_lock_count = 0, blocked_until = NULL,
          last_logged_at = ${ts(now)}, updated_at = ${ts(now)}
        WHERE id = ${userId} AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1;
    },
  };
}

function unknownAccountLockoutStore(keyHash: string): LockoutStore {
  return {
    async reserve(now) {
      const stale = new Date(now.getTime() - STALE_ATTEMPT_MS);
      const rows = await prisma.$queryRaw<LockRow[]>`
        INSERT INTO unknown_account_sign_ins AS s (key_hash, failed_sign_in_count, updated_at) VALUES (${keyHash}, 1, ${ts(now)})
        ON CONFLICT (key_hash) DO UPDATE SET
          failed_sign_in_count = CASE WHEN s.blocked_until IS NOT NULL THEN 1 ELSE s.failed_sign_in_count + 1 END,
          blocked_until = NULL, updated_at = ${ts(now)}
        WHERE (s.blocked_until IS NULL OR s.blocked_until <= ${ts(now)})
          AND (s.blocked_until IS NOT NULL OR s.failed_sign_in_count < ${MAX_FAILED_SIGN_INS} OR s.updated_at < ${ts(stale)})
        RETURNING failed_sign_in_count, blocked_until, sign_in_lock_count`;
      return rows[0] ?? null;
    },
    async read() {
      const rows = await prisma.$queryRaw<LockRow[]>`
        SELECT failed_sign_in_count, blocked_until, sign_in_lock_count FROM unknown_account_sign_ins WHERE key_hash = ${keyHash}`;
      return stateOf(rows[0]);
    },
    async unreserve(now) {
      await prisma.$executeRaw`
        UPDATE unknown_account_sign_ins SET failed_sign_in_count = failed_sign_in_count - 1
        WHERE key_hash = ${keyHash} AND failed_sign_in_count > 0 AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
    },
    async lock(reserved, now) {
      const next = nextLock(stateOf(reserved), now);
      const updated = await prisma.$executeRaw`
        UPDATE unknown_account_sign_ins SET failed_sign_in_count = 0, blocked_until = ${ts(next.blockedUntil)},
          sign_in_lock_count = ${next.signInLockCount}, updated_at = ${ts(now)}
        WHERE key_hash = ${keyHash} AND sign_in_lock_count = ${reserved.sign_in_lock_count}
          AND (blocked_until IS NULL OR blocked_until <= ${ts(now)})`;
      return updated === 1 ? next : null;
    },
    async succeed() {
      return false;
    },
  };
}

function blockedResult(lock: LockInForce): AuthenticateResult {
  return lock.kind === "UNTIL_UNBLOCKED"
    ? { ok: false, reason: "BLOCKED_UNTIL_UNBLOCKED" }
    : { ok: false, reason: "BLOCKED", minutesLeft: lock.minutesLeft };
}

/**
 * Checks a staff e-mail and password. The attempt is counted atomically in PostgreSQL BEFORE the
 * hash is computed (one conditional UPDATE … RETURNING), so parallel requests get at most ten
 * checks; the tenth wrong password locks the account, each lock longer than the last
 * (domain/sign-in-lockout.ts), and a right password never lifts a lock in force. Failures are
 * also capped per client address (keyed hash only). Unknown addresses get the same answers,
 * locks and timing, so the form does not reveal who has an account.
 */
export async function authenticateStaff(
  input: { email: string; password: string; clientAddress?: string },
  now = new Date(),
): Promise<AuthenticateResult> {
  const email = normalizeEmail(input.email);
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, authenticationMethods: { where: { provider: "PASSWORD" }, select: { passwordHash: true } } },
  });
  const passwordHash = user?.authenticationMethods[0]?.passwordHash;
  const store =
    user && passwordHash
      ? userLockoutStore(user.id)
      : unknownAccountLockoutStore(emailBucket("sign-in-unknown", email, sessionSecret()));

  // 1. The account's own count, atomically, before anything else: refused without a check.
  const reserved = await store.reserve(now);
  if (!reserved) {
    const state = await store.read();
    return blockedResult(describeLock(state, now) ?? describeNextLock(state, now));
  }
  // 2. The client address's cap on failures; refused: the account's attempt is given back.
  const addressSlot = await takeThrottleSlot(addressRule(input.clientAddress ?? "unknown"), now);
  if (!addressSlot.ok) {
    await store.unreserve(now);
    logger.warn("sign_in.address_capped", {});
    return { ok: false, reason: "ADDRESS_BLOCKED", minutesLeft: Math.ceil(addressSlot.retryAfterSeconds / 60) };
  }

  let right = false;
  if (passwordHash) right = await verifyPassword(input.password, passwordHash);
  else await burnPasswordCheck(input.password);

  if (right) {
    await releaseThrottleSlot(addressSlot);
    if (await store.succeed(now)) return { ok: true, userId: user!.id };
    const state = await store.read();
    return blockedResult(describeLock(state, now) ?? describeNextLock(state, now));
  }

  if (reserved.failed_sign_in_count >= MAX_FAILED_SIGN_INS) {
    const locked = await store.lock(reserved, now);
    if (locked) {
      if (user && passwordHash)
        logger.warn("sign_in.account_blocked", { userId: user.id, lockNumber: locked.signInLockCount });
      return blockedResult(describeLock(locked, now)!);
    }
  }
  return { ok: false, reason: "INVALID_CREDENTIALS" };
}

/** Moves a session to another of the user's schools, after checking the membership. */
export async function switchSchool(options: { sessionId: string; userId: number; schoolId: number }): Promise<void> {
  const membership = await prisma.member.findFirst({
    where: { userId: options.userId, schoolId: options.schoolId, school: { archivedAt: null } },
    select: { id: true },
  });
  if (!membership) throw new DomainError("NOT_FOUND", { userMessage: m.errors.notMember });
  await setSessionSchool(options.sessionId, options.schoolId);
}

export async function acceptCgu(userId: number, now = new Date()): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, cguAcceptedAt: null }, data: { cguAcceptedAt: now } });
}

/** Sign-in failures as the user must read them: never which of e-mail or password was wrong. */
export async function authenticateStaffOrThrow(input: {
  email: string;
  password: string;
  clientAddress: string;
}): Promise<number> {
  const result = await authenticateStaff(input);
  if (result.ok) return result.userId;
  if (result.reason === "BLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.signIn.blocked(result.minutesLeft),
      details: { retryAfterSeconds: result.minutesLeft * 60 },
    });
  }
  if (result.reason === "BLOCKED_UNTIL_UNBLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", { userMessage: m.signIn.blockedUntilUnblocked });
  }
  if (result.reason === "ADDRESS_BLOCKED") {
    throw new DomainError("TOO_MANY_ATTEMPTS", {
      userMessage: m.signIn.addressBlocked(result.minutesLeft),
      details: { retryAfterSeconds: result.minutesLeft * 60 },
    });
  }
  throw new DomainError("INVALID_INPUT", { userMessage: m.signIn.invalidCredentials });
}
