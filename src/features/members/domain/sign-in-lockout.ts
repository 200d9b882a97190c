/**
 * Account lockout after repeated wrong passwords. The counter and the lock live on the user row
 * (PostgreSQL), so every app instance sees the same state; an ADMIN can lift the lock early.
 *
 * Locks grow with each one earned since the last successful sign-in (or unblock): 15 minutes,
 * then 1 hour, then until an ADMIN unblocks the account (or the person resets their password).
 */
export const MAX_FAILED_SIGN_INS = 10;
/** The first lock; kept for the existing wording ("Réessayez dans 15 minutes"). */
export const LOCK_DURATION_MINUTES = 15;
/** Minutes of the n-th lock (index 0 = first); past the end of the list, until an ADMIN unblocks. */
export const PROGRESSIVE_LOCK_MINUTES = [LOCK_DURATION_MINUTES, 60] as const;
/**
 * "Until an ADMIN unblocks": stored as a date far away, so every reader of `blockedUntil` (the
 * team page, the unblock and reset flows) treats it as a lock in force without a special case.
 */
export const UNTIL_UNBLOCKED = new Date("9999-12-31T00:00:00.000Z");

export type LockoutState = { failedSignInCount: number; blockedUntil: Date | null; signInLockCount?: number };

export type LockInForce = { kind: "TEMPORARY"; minutesLeft: number } | { kind: "UNTIL_UNBLOCKED" };

export function isBlocked(state: LockoutState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil.getTime() > now.getTime();
}

/** Minutes left before the lock lifts, rounded up (at least 1 while blocked). */
export function minutesUntilUnblocked(state: LockoutState, now: Date): number {
  if (!state.blockedUntil || !isBlocked(state, now)) return 0;
  return Math.max(1, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 60_000));
}

/** When the lock number `lockNumber` (1 = first) ends, starting `now`. */
export function lockEnd(lockNumber: number, now: Date): Date {
  const minutes = PROGRESSIVE_LOCK_MINUTES[lockNumber - 1];
  return minutes === undefined ? UNTIL_UNBLOCKED : new Date(now.getTime() + minutes * 60_000);
}

/** The state once one more lock is earned: the count restarts, so each lock takes ten fresh failures. */
export function nextLock(state: LockoutState, now: Date): Required<LockoutState> & { blockedUntil: Date } {
  const signInLockCount = (state.signInLockCount ?? 0) + 1;
  return { failedSignInCount: 0, blockedUntil: lockEnd(signInLockCount, now), signInLockCount };
}

/** What the person is told about a lock in force (null when none). */
export function describeLock(state: LockoutState, now: Date): LockInForce | null {
  if (!isBlocked(state, now)) return null;
  if (state.blockedUntil!.getTime() >= UNTIL_UNBLOCKED.getTime()) return { kind: "UNTIL_UNBLOCKED" };
  return { kind: "TEMPORARY", minutesLeft: minutesUntilUnblocked(state, now) };
}

/** The lock the next earned one would be (to answer while the deciding attempt is in flight). */
export function describeNextLock(state: LockoutState, now: Date): LockInForce {
  return describeLock(nextLock(state, now), now)!;
}

/**
 * The state after one more wrong password. The tenth failure locks the account and restarts the
 * count, so each lock is earned by ten fresh attempts.
 */
export function registerFailedSignIn(
  state: LockoutState,
  now: Date,
): Required<LockoutState> & { justBlocked: boolean } {
  const base = state.blockedUntil && !isBlocked(state, now) ? 0 : state.failedSignInCount;
  const failedSignInCount = base + 1;
  if (failedSignInCount >= MAX_FAILED_SIGN_INS) return { ...nextLock(state, now), justBlocked: true };
  return {
    failedSignInCount,
    blockedUntil: state.blockedUntil && isBlocked(state, now) ? state.blockedUntil : null,
    signInLockCount: state.signInLockCount ?? 0,
    justBlocked: false,
  };
}

export const clearedLockout: Required<LockoutState> = { failedSignInCount: 0, blockedUntil: null, signInLockCount: 0 };
