/**
 * Stable, machine-readable error codes. The UI turns a code into French text in one place
 * (`src/messages/fr/errors.ts`); features may pass a more precise `userMessage`.
 */
export type DomainErrorCode =
  /** The resource does not exist or is not visible from the caller's school. */
  | "NOT_FOUND"
  /** Signed in, but the role does not allow the action. */
  | "FORBIDDEN"
  /** No valid session. */
  | "UNAUTHENTICATED"
  /** A uniqueness or state conflict (already exists, already done, last admin…). */
  | "CONFLICT"
  | "INVALID_INPUT"
  /** The campaign is archived and cannot be joined or answered. */
  | "CAMPAIGN_CLOSED"
  /** Too many attempts; `details.retryAfterSeconds` says when to retry. */
  | "TOO_MANY_ATTEMPTS"
  /** Another operation on the same school is running (e.g. a SIECLE import). */
  | "BUSY"
  /** A request body over its limit (the SIECLE upload's 20 MB), counted while it is read. */
  | "PAYLOAD_TOO_LARGE"
  // GAR sign-in and student onboarding (features/student-accounts): each outcome has its own French page.
  /** The OpenID exchange with the GAR failed (state, nonce, PKCE, replayed or expired code…). */
  | "GAR_SIGN_IN_FAILED"
  /** The GAR refused the student (e.g. the Pix resource is not assigned to them). */
  | "GAR_ACCESS_DENIED"
  /** The GAR refused the student because their school has no active subscription to Pix. */
  | "GAR_RESOURCE_UNAVAILABLE"
  /** The GAR profile is not a student's (staff use Pix Orga). */
  | "GAR_NOT_A_STUDENT"
  /** The pending GAR identity is missing, expired or tampered with: back to the médiacentre. */
  | "GAR_PENDING_IDENTITY_EXPIRED"
  /** No campaign has this code. */
  | "CAMPAIGN_CODE_UNKNOWN"
  /** The campaign's school does not manage students (cannot be joined through the GAR). */
  | "CAMPAIGN_NOT_JOINABLE"
  /** A signed-in student typed the code of a campaign of a school they are not a learner of. */
  | "CAMPAIGN_OTHER_SCHOOL"
  /** No (or more than one) learner matches the birth date and the GAR names. */
  | "RECONCILIATION_NOT_FOUND"
  /** The matching learner is no longer in the school's last import. */
  | "LEARNER_DISABLED"
  /** The matching learner is linked to an account that is not a GAR one; `details.loginHint`. */
  | "LEARNER_LINKED_TO_OTHER_ACCOUNT"
  /** The GAR sent no profile (PRO): never guessed to be a student. */
  | "GAR_PROFILE_MISSING"
  /** The SAML Response was refused (signature, wrapping, audience, validity, replay…: the reason is logged). */
  | "GAR_ASSERTION_REFUSED"
  /** A SAML logout message was refused (unsigned, wrong key, replayed, unknown request…: the reason is logged). */
  | "GAR_LOGOUT_REFUSED"
  /** The GAR sent no UAI: the campaign's school could not be checked. */
  | "GAR_UAI_MISSING"
  /** The learner is linked to a GAR account with another IDO and the strict check failed: nothing changes. */
  | "LEARNER_ALREADY_LINKED";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly userMessage?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: DomainErrorCode,
    options: { userMessage?: string; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(options.userMessage ?? code, { cause: options.cause });
    this.name = "DomainError";
    this.code = code;
    this.userMessage = options.userMessage;
    this.details = options.details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Prisma's unique-constraint violation (P2002), recognised without importing the client. */
/**
 * PostgreSQL's own code behind a Prisma error: a raw statement's failure is P2010, with the
 * driver's code in its meta (`$queryRaw` INSERTs of the runner).
 */
function driverCode(error: object): unknown {
  return (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError
    ?.cause?.originalCode;
}

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "P2002" || code === "23505" || driverCode(error) === "23505") return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isUniqueViolation(cause);
}

/** A row referring to one that is gone (P2003 / 23503): e.g. a campaign deleted while a student started it. */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (code === "P2003" || code === "23503" || driverCode(error) === "23503") return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isForeignKeyViolation(cause);
}
