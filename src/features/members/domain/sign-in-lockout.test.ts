import { describe, expect, it } from "vitest";
import {
  clearedLockout,
  describeLock,
  describeNextLock,
  isBlocked,
  lockEnd,
  nextLock,
  PROGRESSIVE_LOCK_MINUTES,
  UNTIL_UNBLOCKED,
  LOCK_DURATION_MINUTES,
  MAX_FAILED_SIGN_INS,
  minutesUntilUnblocked,
  registerFailedSignIn,
  type LockoutState,
} from "./sign-in-lockout";

const now = new Date("2026-09-15T08:00:00Z");

function failTimes(times: number, from: LockoutState = clearedLockout) {
  let state: LockoutState & { justBlocked?: boolean } = from;
  for (let i = 0; i < times; i += 1) state = registerFailedSignIn(state, now);
  return state;
}

describe("sign-in lockout", () => {
  it("counts failures without blocking up to nine", () => {
    const state = failTimes(MAX_FAILED_SIGN_INS - 1);
    expect(state.failedSignInCount).toBe(9);
    expect(isBlocked(state, now)).toBe(false);
  });

  it("blocks at the tenth failure for the lock duration", () => {
    const state = failTimes(MAX_FAILED_SIGN_INS);
    expect(state.justBlocked).toBe(true);
    expect(isBlocked(state, now)).toBe(true);
    expect(state.blockedUntil!.getTime() - now.getTime()).toBe(LOCK_DURATION_MINUTES * 60_000);
    expect(minutesUntilUnblocked(state, now)).toBe(LOCK_DURATION_MINUTES);
    expect(minutesUntilUnblocked(state, new Date(now.getTime() + 14 * 60_000 + 1))).toBe(1);
  });

  it("lifts the block when it expires and starts counting afresh", () => {
    const blocked = failTimes(MAX_FAILED_SIGN_INS);
    const later = new Date(blocked.blockedUntil!.getTime() + 1);
    expect(isBlocked(blocked, later)).toBe(false);
    expect(minutesUntilUnblocked(blocked, later)).toBe(0);
    const next = registerFailedSignIn(blocked, later);
    expect(next.failedSignInCount).toBe(1);
    expect(next.blockedUntil).toBeNull();
  });

  it("a cleared state is not blocked", () => {
    expect(isBlocked(clearedLockout, now)).toBe(false);
  });
});

describe("progressive locks", () => {
  it("lasts 15 minutes, then 1 hour, then until an ADMIN unblocks", () => {
    const first = failTimes(MAX_FAILED_SIGN_INS);
    expect(first.signInLockCount).toBe(1);
    expect(describeLock(first, now)).toEqual({ kind: "TEMPORARY", minutesLeft: 15 });

    const afterFirst = new Date(first.blockedUntil!.getTime() + 1);
    let second: LockoutState & { justBlocked?: boolean } = first;
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i += 1) second = registerFailedSignIn(second, afterFirst);
    expect(second.signInLockCount).toBe(2);
    expect(second.blockedUntil!.getTime() - afterFirst.getTime()).toBe(60 * 60_000);
    expect(describeLock(second, afterFirst)).toEqual({ kind: "TEMPORARY", minutesLeft: 60 });

    const afterSecond = new Date(second.blockedUntil!.getTime() + 1);
    const third = nextLock(second, afterSecond);
    expect(third.blockedUntil).toEqual(UNTIL_UNBLOCKED);
    expect(describeLock(third, afterSecond)).toEqual({ kind: "UNTIL_UNBLOCKED" });
    // Years later it still holds.
    expect(describeLock(third, new Date("2100-01-01T00:00:00Z"))).toEqual({ kind: "UNTIL_UNBLOCKED" });
    expect(nextLock(third, afterSecond).blockedUntil).toEqual(UNTIL_UNBLOCKED);
  });

  it("says which lock an attempt in flight is about to earn", () => {
    expect(describeNextLock(clearedLockout, now)).toEqual({ kind: "TEMPORARY", minutesLeft: 15 });
    expect(describeNextLock({ ...clearedLockout, signInLockCount: 1 }, now)).toEqual({
      kind: "TEMPORARY",
      minutesLeft: 60,
    });
    expect(describeNextLock({ ...clearedLockout, signInLockCount: 2 }, now)).toEqual({ kind: "UNTIL_UNBLOCKED" });
  });

  it("lockEnd follows PROGRESSIVE_LOCK_MINUTES", () => {
    expect(PROGRESSIVE_LOCK_MINUTES).toEqual([15, 60]);
    expect(lockEnd(1, now).getTime() - now.getTime()).toBe(15 * 60_000);
    expect(lockEnd(2, now).getTime() - now.getTime()).toBe(60 * 60_000);
    expect(lockEnd(3, now)).toEqual(UNTIL_UNBLOCKED);
  });
});
