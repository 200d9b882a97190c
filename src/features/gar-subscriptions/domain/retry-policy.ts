/**
 * Back-off of the calls to the GAR's subscription web service: a failed call is tried again after
 * 1 min, 5 min, 30 min, 2 h, then every 6 h, never giving up (the subscription must exist for
 * students to reach Pix); the checklist shows the failure in words meanwhile.
 */
const DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 60 * 60_000, 6 * 60 * 60_000];

/** When to try again after the `failures`-th consecutive failure (1-based). */
export function nextAttemptAfter(failures: number, now: Date): Date {
  const delay = DELAYS_MS[Math.min(Math.max(failures, 1), DELAYS_MS.length) - 1]!;
  return new Date(now.getTime() + delay);
}

/** Which failures are worth retrying: not a 4xx (our body or certificate is wrong; retrying changes nothing). */
export function isRetryable(errorCode: string): boolean {
  return errorCode !== "HTTP_4XX" && errorCode !== "NOT_CONFIGURED";
}
