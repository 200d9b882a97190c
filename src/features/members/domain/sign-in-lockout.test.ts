import { describe, expect, it } from "vitest";
import {
  clearedLockout,
  isBlocked,
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
