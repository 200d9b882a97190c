import type { DomainErrorCode } from "@/lib/errors";

/**
 * The one mapping from an error code (a `DomainError`'s, or an action state's `VALIDATION`) to
 * the HTTP status of a route handler that answers JSON or a bare status. Server actions never
 * need it: they answer an `ActionState`.
 */
const STATUS_OF: Partial<Record<DomainErrorCode | "VALIDATION", number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  /** Another operation on the same school holds its lock (a SIECLE import). */
  BUSY: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
};

/** Any other code is the caller's input: 400. */
export function httpStatusOf(code: DomainErrorCode | "VALIDATION"): number {
  return STATUS_OF[code] ?? 400;
}

/** The status of an `ActionState` answered as JSON by a route handler: 200 unless it is an error. */
export function httpStatusOfState(state: { status: string; code?: DomainErrorCode | "VALIDATION" }): number {
  return state.status === "error" && state.code ? httpStatusOf(state.code) : 200;
}
