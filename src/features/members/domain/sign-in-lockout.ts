/**
 * Account lockout after repeated wrong passwords. The counter and the lock live on the user row
 * (PostgreSQL), so every app instance sees the same state; an ADMIN can lift the lock early.
 */
export const MAX_FAILED_SIGN_INS = 10;
export const LOCK_DURATION_MINUTES = 15;

export type LockoutState = { failedSignInCount: number; blockedUntil: Date | null };

export function isBlocked(state: LockoutState, now: Date): boolean {
  return state.blockedUntil !== null && state.blockedUntil.getTime() > now.getTime();
}

/** Minutes left before the lock lifts, rounded up (at least 1 while blocked). */
export function minutesUntilUnblocked(state: LockoutState, now: Date): number {
  if (!state.blockedUntil || !isBlocked(state, now)) return 0;
  return Math.max(1, Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 60_000));
}

/**
 * The state after one more wrong password. The tenth failure locks the account and restarts the
 * count, so each lock is earned by ten fresh attempts.
 */
export function registerFailedSignIn(state: LockoutState, now: Date): LockoutState & { justBlocked: boolean } {
  const base = state.blockedUntil && !isBlocked(state, now) ? 0 : state.failedSignInCount;
  const failedSignInCount = base + 1;
  if (failedSignInCount >= MAX_FAILED_SIGN_INS) {
    return {
      failedSignInCount: 0,
      blockedUntil: new Date(now.getTime() + LOCK_DURATION_MINUTES * 60_000),
      justBlocked: true,
    };
  }
  return { failedSignInCount, blockedUntil: state.blockedUntil && isBlocked(state, now) ? state.blockedUntil : null, justBlocked: false };
}

export const clearedLockout: LockoutState = { failedSignInCount: 0, blockedUntil: null };
