import "server-only";

import { createHash, randomBytes } from "node:crypto";

import {
  IDO_REPLACED_AUDIT_ACTION,
  IDO_REPLACEMENT_REFUSED_AUDIT_ACTION,
  type IdoReplacementRefusal,
} from "@/features/learners/domain/ido-replacement";
import { startLearnerParticipation } from "@/features/runner/mutations";
import { recordAudit } from "@/lib/audit";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { insertSessionRecord, prepareSessionRecord, SESSION_TTL_MS } from "@/lib/session-store";
import type { AuthorizedSchoolId } from "@/lib/session";
import {
  clearThrottle,
  releaseThrottleSlots,
  takeThrottleSlots,
  type ThrottleRule,
  type ThrottleSlot,
} from "@/lib/throttle";
import { accountsText } from "@/messages/fr/student-accounts";
import {
  listReconciliationCandidates,
  resolveCampaignForPendingIdentity,
  resolveJoinableCampaignForStudent,
} from "./data";
import { isAttachedToSchool } from "./domain/gar-claims";
import { maskLoginHint } from "./domain/login-hint";
import { PENDING_IDENTITY_TTL_SECONDS, type PendingIdentity } from "./domain/pending-identity";
import { findMatchingLearner, namesMatchExactly } from "./domain/reconciliation";
import { sanitizeReturnPath } from "./domain/return-path";
import type {
  GarIdentity,
  GarPort,
  GarSamlLogoutRequest,
  GarSamlPort,
  GarSignInOutcome,
  JoinedCampaign,
  ReconciliationOutcome,
} from "./types";

/** An authorization request is answered within seconds when the GAR has a session; 10 minutes is generous. */
export const GAR_SIGN_IN_REQUEST_TTL_MS = 10 * 60 * 1000;

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Wrong birth dates per pending identity: a birth date is a weak secret. */
export const WRONG_BIRTHDATES_PER_IDENTITY = { limit: 5, windowMs: FIFTEEN_MINUTES } as const;
/**
 * Wrong birth dates per campaign and client address. A whole class often shares one address
 * (the school's NAT), so the cap is far above what one class mistyping produces.
 */
export const WRONG_BIRTHDATES_PER_CAMPAIGN_ADDRESS = { limit: 100, windowMs: FIFTEEN_MINUTES } as const;

const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

// Buckets hold hashes only: the throttle table must not hold IDOs or addresses.
export function identityThrottleRule(garId: string): ThrottleRule {
  return { bucket: identityBucket(sha256(garId)), ...WRONG_BIRTHDATES_PER_IDENTITY };
}

/** The per-identity bucket, from the IDO's sha256 (what a student lockout row keeps). */
function identityBucket(identityHash: string): string {
  return `gar-birthdate:identity:${identityHash}`;
}

export function campaignAddressThrottleRule(campaignId: number, clientAddress: string): ThrottleRule {
  return {
    bucket: `gar-birthdate:campaign:${campaignId}:${sha256(clientAddress)}`,
    ...WRONG_BIRTHDATES_PER_CAMPAIGN_ADDRESS,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* GAR sign-in                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export type StartGarSignInOptions = {
  gar: GarPort;
  /** Untrusted (query string): sanitised here. */
  returnTo?: string | null;
  now?: Date;
  db?: DbClient;
};

/**
 * Creates the authorization request and keeps its secrets (PKCE verifier, state, nonce) in
 * PostgreSQL, so that whichever app instance receives the callback can finish it.
 * The returned `requestId` goes into an httpOnly cookie: it binds the callback to this browser.
 */
export async function startGarSignIn(
  options: StartGarSignInOptions,
): Promise<{ requestId: string; authorizationUrl: URL }> {
  const { gar, now = new Date(), db = prisma } = options;
  const request = await gar.createAuthorizationRequest();
  const requestId = randomBytes(32).toString("base64url");
  await db.garSignInRequest.create({
    data: {
      id: requestId,
      state: request.state,
      nonce: request.nonce,
      codeVerifier: request.codeVerifier,
      returnTo: sanitizeReturnPath(options.returnTo ?? null),
      createdAt: now,
      expiresAt: new Date(now.getTime() + GAR_SIGN_IN_REQUEST_TTL_MS),
    },
  });
  return { requestId, authorizationUrl: request.url };
}

export type CompleteGarSignInOptions = {
  gar: GarPort;
  /** From the httpOnly cookie set by startGarSignIn; missing when the callback comes from elsewhere. */
  requestId: string | undefined;
  callbackQuery: URLSearchParams;
  now?: Date;
  db?: DbClient;
};

/**
 * The callback: consume the pending request exactly once (a replayed or forged callback finds
 * nothing), let the port check state/nonce/PKCE and read the profile, then sign in a known IDO
 * (names refreshed) or hand back the identity to keep as a pending identity.
 */
export async function completeGarSignIn(options: CompleteGarSignInOptions): Promise<GarSignInOutcome> {
  const { gar, requestId, callbackQuery, now = new Date(), db = prisma } = options;
  const state = callbackQuery.get("state");
  if (!requestId || !state) {
    logger.warn("gar.sign_in.refused", { reason: requestId ? "missing_state" : "missing_request_cookie" });
    throw new DomainError("GAR_SIGN_IN_FAILED");
  }
  // Consumed and read in one statement: of parallel callbacks with one request, one gets the row.
  const [request] = await db.$queryRaw<
    { state: string; nonce: string; codeVerifier: string; returnTo: string | null }[]
  >`
    UPDATE gar_sign_in_requests SET consumed_at = ${now.toISOString()}::timestamp(3)
     WHERE id = ${requestId} AND state = ${state} AND consumed_at IS NULL AND expires_at > ${now.toISOString()}::timestamp(3)
     RETURNING state, nonce, code_verifier AS "codeVerifier", return_to AS "returnTo"`;
  if (!request) {
    logger.warn("gar.sign_in.refused", { reason: "unknown_expired_or_replayed_request" });
    throw new DomainError("GAR_SIGN_IN_FAILED");
  }

  const completion = await gar.completeAuthorization(callbackQuery, {
    state: request.state,
    nonce: request.nonce,
    codeVerifier: request.codeVerifier,
  });
  if (!completion.ok) {
    logger.warn("gar.sign_in.refused", { reason: completion.reason });
    throw refusalError(completion.reason);
  }

  return signInVerifiedGarIdentity(completion.identity, request.returnTo, now, db);
}

function refusalError(reason: string): DomainError {
  if (reason === "ACCESS_DENIED") return new DomainError("GAR_ACCESS_DENIED");
  if (reason === "NO_SUBSCRIPTION") return new DomainError("GAR_RESOURCE_UNAVAILABLE");
  if (reason === "NOT_A_STUDENT") return new DomainError("GAR_NOT_A_STUDENT");
  if (reason === "MISSING_PROFILE") return new DomainError("GAR_PROFILE_MISSING");
  if (reason === "MISSING_UAI") return new DomainError("GAR_UAI_MISSING");
  return new DomainError("GAR_SIGN_IN_FAILED");
}

export type StartGarSamlSignInOptions = {
  gar: GarSamlPort;
  /** Untrusted (query string): sanitised here. */
  returnTo?: string | null;
  now?: Date;
  db?: DbClient;
};

/**
 * The SAML start: the AuthnRequest's ID is kept in PostgreSQL with the return path. No cookie:
 * the Response comes back by a cross-site POST, which carries none; `InResponseTo` correlates it.
 */
export async function startGarSamlSignIn(
  options: StartGarSamlSignInOptions,
): Promise<{ requestId: string; authorizationUrl: URL }> {
  const { gar, now = new Date(), db = prisma } = options;
  const { url, requestId } = await gar.createAuthnRequest();
  await db.garSamlRequest.create({
    data: {
      id: requestId,
      returnTo: sanitizeReturnPath(options.returnTo ?? null),
      createdAt: now,
      expiresAt: new Date(now.getTime() + GAR_SIGN_IN_REQUEST_TTL_MS),
    },
  });
  return { requestId, authorizationUrl: url };
}

export type CompleteGarSamlSignInOptions = {
  gar: GarSamlPort;
  /** The POSTed `SAMLResponse` field, untrusted. */
  samlResponse: string | null;
  now?: Date;
  db?: DbClient;
};

/**
 * The ACS: the adapter verifies the Response; then, in one transaction, the pending request of
 * `InResponseTo` is consumed (unknown, expired or used → refused) and the assertion id is recorded
 * until it expires (already there → replay, refused). Of parallel POSTs of one assertion exactly one
 * gets through. Every refusal writes nothing but its log line (a reason code, no personal data).
 */
export async function completeGarSamlSignIn(options: CompleteGarSamlSignInOptions): Promise<GarSignInOutcome> {
  const { gar, samlResponse, now = new Date(), db = prisma } = options;
  if (!samlResponse) {
    logger.warn("gar.saml.refused", { reason: "MISSING_RESPONSE" });
    throw new DomainError("GAR_ASSERTION_REFUSED");
  }
  const verification = await gar.verifyResponse(samlResponse);
  if (!verification.ok) {
    logger.warn("gar.saml.refused", { reason: verification.reason });
    const known = ["ACCESS_DENIED", "NO_SUBSCRIPTION", "NOT_A_STUDENT", "MISSING_PROFILE", "MISSING_UAI"];
    throw known.includes(verification.reason)
      ? refusalError(verification.reason)
      : new DomainError("GAR_ASSERTION_REFUSED");
  }
  let request: { returnTo: string | null } | null;
  try {
    request = await db.$transaction(async (tx) => {
      const consumed = await tx.garSamlRequest.updateMany({
        where: { id: verification.inResponseTo, purpose: "AUTHN", consumedAt: null, expiresAt: { gt: now } },
        data: { consumedAt: now },
      });
      if (consumed.count !== 1) return null;
      await tx.garSamlAssertion.create({
        data: { id: verification.assertionKey, acceptedAt: now, expiresAt: verification.expiresAt },
      });
      return tx.garSamlRequest.findUnique({ where: { id: verification.inResponseTo }, select: { returnTo: true } });
    }, TRANSACTION_OPTIONS);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    logger.warn("gar.saml.refused", { reason: "REPLAYED" });
    throw new DomainError("GAR_ASSERTION_REFUSED");
  }
  if (!request) {
    logger.warn("gar.saml.refused", { reason: "UNKNOWN_REQUEST" });
    throw new DomainError("GAR_ASSERTION_REFUSED");
  }
  const outcome = await signInVerifiedGarIdentity(verification.identity, request.returnTo, now, db);
  if (!verification.login) return outcome;
  // Kept for single logout: tied to the session once started (attachGarSamlLogin), or to the
  // pending identity until the reconciliation starts one.
  const samlLoginId = randomBytes(32).toString("base64url");
  await db.garSamlLogin.create({
    data: {
      id: samlLoginId,
      nameId: verification.login.nameId,
      nameIdFormat: verification.login.nameIdFormat,
      sessionIndex: verification.login.sessionIndex,
      pendingIdentityId: outcome.kind === "PENDING" ? outcome.pendingIdentityId : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS.STUDENT),
    },
  });
  return { ...outcome, samlLoginId };
}

/** Ties a SAML sign-in to the student session it opened (once; the session's deletion removes it). */
export async function attachGarSamlLogin(samlLoginId: string, sessionId: string, db: DbClient = prisma): Promise<void> {
  await db.garSamlLogin.updateMany({
    where: { id: samlLoginId, sessionId: null },
    data: { sessionId, pendingIdentityId: null },
  });
}

/* ------------------------------------------------------------------------------------------ */
/* SAML single logout                                                                          */
/* ------------------------------------------------------------------------------------------ */

export type GarSamlLogoutOutcome = { ok: true; revokedSessions: number; known: boolean } | { ok: false };

/**
 * The IdP's LogoutRequest (front-channel or SOAP, already verified by the adapter): in one
 * transaction its id is recorded (already there: a replay, refused) and every STUDENT session
 * opened by a sign-in of that NameID (of the SessionIndexes named, if any) is deleted, with the
 * pending identities such sign-ins left. Of parallel copies of one request exactly one acts.
 * Logged with counts only (no NameID: it may be the GAR id).
 */
export async function handleGarSamlLogoutRequest(options: {
  request: GarSamlLogoutRequest;
  now?: Date;
  db?: DbClient;
}): Promise<GarSamlLogoutOutcome> {
  const { request, now = new Date(), db = prisma } = options;
  try {
    const outcome = await db.$transaction(async (tx) => {
      await tx.garSamlLogoutRequest.create({
        data: { id: request.requestKey, receivedAt: now, expiresAt: request.expiresAt },
      });
      const logins = await tx.garSamlLogin.findMany({
        where: {
          nameId: request.nameId,
          ...(request.sessionIndexes.length > 0 ? { sessionIndex: { in: request.sessionIndexes } } : {}),
        },
        select: { id: true, sessionId: true, pendingIdentityId: true },
      });
      const sessionIds = logins.flatMap((login) => (login.sessionId ? [login.sessionId] : []));
      const pendingIds = logins.flatMap((login) => (login.pendingIdentityId ? [login.pendingIdentityId] : []));
      const { count } = await tx.session.deleteMany({ where: { id: { in: sessionIds }, kind: "STUDENT" } });
      await tx.garPendingIdentity.updateMany({
        where: { id: { in: pendingIds }, consumedAt: null },
        data: { consumedAt: now },
      });
      await tx.garSamlLogin.deleteMany({ where: { id: { in: logins.map((login) => login.id) } } });
      return { revokedSessions: count, known: logins.length > 0 };
    }, TRANSACTION_OPTIONS);
    logger.info("gar.saml.logout", outcome);
    return { ok: true, ...outcome };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    logger.warn("gar.saml.logout_refused", { reason: "REPLAYED" });
    return { ok: false };
  }
}

/**
 * Our sign-out, when the session came from a SAML sign-in and the IdP publishes a
 * SingleLogoutService: a signed LogoutRequest for that sign-in, its id kept (consumed once by the
 * IdP's LogoutResponse). The sign-in row goes now; the caller ends the session. Null: nothing to send.
 */
export async function startGarSamlLogout(options: {
  gar: GarSamlPort;
  sessionId: string;
  now?: Date;
  db?: DbClient;
}): Promise<URL | null> {
  const { gar, sessionId, now = new Date(), db = prisma } = options;
  const login = await db.garSamlLogin.findUnique({
    where: { sessionId },
    select: { id: true, nameId: true, nameIdFormat: true, sessionIndex: true },
  });
  if (!login) return null;
  const request = await gar.createLogoutRequest(login);
  if (!request) return null;
  await db.$transaction([
    db.garSamlRequest.create({
      data: {
        id: request.requestId,
        purpose: "LOGOUT",
        returnTo: "/",
        createdAt: now,
        expiresAt: new Date(now.getTime() + GAR_SIGN_IN_REQUEST_TTL_MS),
      },
    }),
    db.garSamlLogin.deleteMany({ where: { id: login.id } }),
  ]);
  return request.url;
}

/** The IdP's LogoutResponse to ours: its InResponseTo must be a LogoutRequest of ours, consumed once. */
export async function completeGarSamlLogout(options: {
  inResponseTo: string;
  now?: Date;
  db?: DbClient;
}): Promise<boolean> {
  const { inResponseTo, now = new Date(), db = prisma } = options;
  const consumed = await db.garSamlRequest.updateMany({
    where: { id: inResponseTo, purpose: "LOGOUT", consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (consumed.count !== 1) logger.warn("gar.saml.logout_refused", { reason: "UNKNOWN_REQUEST" });
  return consumed.count === 1;
}

/**
 * What follows a verified identity, whatever the protocol: a known IDO is signed in (names
 * refreshed), an unknown one gets a pending identity.
 */
async function signInVerifiedGarIdentity(
  identity: GarIdentity,
  storedReturnTo: string | null,
  now: Date,
  db: DbClient,
): Promise<GarSignInOutcome> {
  const returnTo = sanitizeReturnPath(storedReturnTo);
  // The IDO's account, and for an unknown IDO its pending identity (as `createPendingIdentity`),
  // in one statement.
  const pendingId = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PENDING_IDENTITY_TTL_SECONDS * 1000);
  const [found] = await db.$queryRaw<
    { method_id: number | null; method_user_id: number | null; pending_id: string | null }[]
  >`
    WITH method AS (
      SELECT id, user_id FROM authentication_methods
       WHERE provider = 'GAR'::"AuthenticationProvider" AND external_id = ${identity.garId}
    ), pending AS (
      INSERT INTO gar_pending_identities (id, created_at, expires_at)
      SELECT ${pendingId}, ${now.toISOString()}::timestamp(3), ${expiresAt.toISOString()}::timestamp(3)
       WHERE NOT EXISTS (SELECT 1 FROM method)
      RETURNING id
    )
    SELECT method.id AS method_id, method.user_id AS method_user_id, (SELECT id FROM pending) AS pending_id
      FROM (SELECT 1) AS one LEFT JOIN method ON true`;
  if (!found || found.method_id === null || found.method_user_id === null) {
    logger.info("gar.sign_in.unknown_ido");
    if (!found?.pending_id) throw new Error("gar_pending_identities: row not created");
    return { kind: "PENDING", identity, pendingIdentityId: found.pending_id, returnTo };
  }
  const method = { id: found.method_id, userId: found.method_user_id };
  // Names are refreshed (docs/domain.md §5) only by an identity the GAR attaches to a school where the
  // account is a learner (or by an account linked to no learner yet): an identity from elsewhere
  // never renames an account. The names on the account are display only: no reconciliation
  // decision reads them (the strict check compares the GAR names with the school's SIECLE record).
  const schools = await db.learner.findMany({
    where: { userId: method.userId },
    select: { school: { select: { uai: true } } },
  });
  const refreshNames =
    schools.length === 0 || schools.some((learner) => isAttachedToSchool(identity.uais, learner.school.uai));
  const names = refreshNames ? { firstName: identity.firstName, lastName: identity.lastName } : {};
  const user = await db.$transaction(async (tx) => {
    if (refreshNames) await tx.authenticationMethod.update({ where: { id: method.id }, data: names });
    return tx.user.update({
      where: { id: method.userId },
      data: { ...names, lastLoggedAt: now },
      select: { id: true, cguAcceptedAt: true },
    });
  });
  logger.info("gar.sign_in.known", { userId: user.id, refreshed: refreshNames });
  return { kind: "SIGNED_IN", userId: user.id, returnTo, hasAcceptedCgu: user.cguAcceptedAt !== null };
}

/**
 * The server-side row of a pending identity; its id goes into the sealed cookie. Random (256
 * bits), so it cannot be guessed, and it holds no personal data.
 */
export async function createPendingIdentity(now = new Date(), db: DbClient = prisma): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  await db.garPendingIdentity.create({
    data: { id, createdAt: now, expiresAt: new Date(now.getTime() + PENDING_IDENTITY_TTL_SECONDS * 1000) },
  });
  return id;
}

/* ------------------------------------------------------------------------------------------ */
/* Campaign code, reconciliation, participation                                                */
/* ------------------------------------------------------------------------------------------ */

function tooManyAttempts(retryAfterSeconds: number, scope: "identity" | "campaign-address"): DomainError {
  return new DomainError("TOO_MANY_ATTEMPTS", {
    userMessage:
      scope === "identity"
        ? accountsText.studentBlocked(retryAfterSeconds)
        : accountsText.tooManyAttempts(retryAfterSeconds),
    details: { retryAfterSeconds, scope },
  });
}

type BirthdateSlots = { identity: ThrottleSlot & { ok: true }; address: ThrottleSlot & { ok: true } };

/** Waits before a refused attempt tries again (see `takeBirthdateSlots`), in ms. */
const SLOT_RETRY_DELAYS_MS = [100, 250] as const;

/**
 * Takes one slot per identity and one per campaign and address, atomically, BEFORE the birth
 * date is evaluated: parallel attempts cannot all pass the check. Refused: nothing is counted.
 *
 * A refusal may come from attempts still in flight (several tabs of one student sending the right
 * date at once: each holds a slot for the few milliseconds before it gives it back), so a refused
 * attempt tries again twice, a moment later, before it says "too many attempts". Wrong dates keep
 * their slots, so waiting never lets more guesses through.
 */
async function takeBirthdateSlots(
  campaign: { id: number },
  identity: PendingIdentity,
  clientAddress: string,
  now: Date,
): Promise<BirthdateSlots> {
  const rules = [identityThrottleRule(identity.garId), campaignAddressThrottleRule(campaign.id, clientAddress)];
  const started = Date.now();
  let taken = await takeThrottleSlots(rules, now);
  for (const delayMs of SLOT_RETRY_DELAYS_MS) {
    if (taken.ok) break;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    taken = await takeThrottleSlots(rules, new Date(now.getTime() + (Date.now() - started)));
  }
  if (taken.ok) return { identity: taken.slots[0]!, address: taken.slots[1]! };
  const perIdentity = taken.refused.find((refusal) => refusal.index === 0);
  const perAddress = taken.refused.find((refusal) => refusal.index === 1);
  logger.warn("gar.reconciliation.throttled", {
    campaignId: campaign.id,
    perIdentity: perIdentity !== undefined,
    perAddress: perAddress !== undefined,
  });
  if (perIdentity) throw tooManyAttempts(perIdentity.retryAfterSeconds, "identity");
  throw tooManyAttempts(perAddress?.retryAfterSeconds ?? 60, "campaign-address");
}

async function releaseBirthdateSlots(slots: BirthdateSlots): Promise<void> {
  await releaseThrottleSlots([slots.identity, slots.address]);
}

/**
 * A wrong birth date keeps its slots. The one that used the identity's last slot records the
 * lockout the school's staff see (names from the GAR so they recognise the pupil, IDO hashed).
 */
async function recordWrongBirthdate(
  slots: BirthdateSlots,
  campaign: { id: number; schoolId: number },
  identity: PendingIdentity,
): Promise<void> {
  const blockedUntil = slots.identity.blockedUntil;
  if (!blockedUntil) return;
  const identityHash = sha256(identity.garId);
  const names = {
    firstName: identity.firstName,
    lastName: identity.lastName,
    blockedUntil,
    unlockedAt: null,
    unlockedById: null,
  };
  await withRetries(() =>
    prisma.studentLockout.upsert({
      where: { campaignId_identityHash: { campaignId: campaign.id, identityHash } },
      create: { schoolId: campaign.schoolId, campaignId: campaign.id, identityHash, ...names },
      update: names,
    }),
  );
  logger.info("gar.reconciliation.identity_locked", { campaignId: campaign.id, schoolId: campaign.schoolId });
}

/**
 * After a *dissocier* (learners/mutations.ts), the learner's participations stay with the account
 * that made them, until the learner is joined again: then the previous account's active
 * participation in this campaign is set aside (soft-deleted, answers kept) so that the rightful
 * student starts their own. Called with the learner row locked and linked to `userId`.
 */
async function setAsideFormerAccountParticipation(
  tx: DbClient,
  campaign: { id: number; schoolId: number },
  learnerId: number,
  userId: number,
  now: Date,
): Promise<void> {
  await tx.participation.updateMany({
    where: {
      schoolId: campaign.schoolId,
      campaignId: campaign.id,
      learnerId,
      deletedAt: null,
      userId: { not: userId },
    },
    data: { deletedAt: now },
  });
}

/** Retries a transaction that lost a race on a unique index or a serialisation check. */
async function withRetries<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const retriable = isUniqueViolation(error) || code === "P2034" || code === "40001" || code === "40P01";
      if (!retriable || attempt >= attempts) throw error;
    }
  }
}

export type ReconcileGarStudentOptions = {
  identity: PendingIdentity;
  campaignCode: string;
  /** YYYY-MM-DD, already validated. */
  birthdate: string;
  /** The client address, for the per-campaign cap; only its hash is stored. */
  clientAddress: string;
  now?: Date;
};

/**
 * Step 4 of the journey: a student unknown to Pix typed a campaign code and their birth date.
 * Match them to one learner of the campaign's school (docs/domain.md §5), then in ONE transaction:
 * the user (no e-mail, no password) and its GAR method, the learner link (only if still
 * unlinked). No participation: it starts when the student presses *Commencer* on the start page
 * (`joinCampaignAsStudent`), so Orga never lists as a participant a student who only typed the
 * code. A learner already linked to a GAR account keeps that account: its IDO is replaced by the
 * new one (IDOs change) — never a second account.
 */
export async function reconcileGarStudent(options: ReconcileGarStudentOptions): Promise<ReconciliationOutcome> {
  const { identity, birthdate, clientAddress, now = new Date() } = options;
  // Another school's code is refused before any birth date is looked at (docs/domain.md §5).
  // A replayed copy of a cookie already used is refused before it can probe birth dates (read in
  // the same statement as the campaign).
  const campaign = await resolveCampaignForPendingIdentity(options.campaignCode, identity, now);

  const slots = await takeBirthdateSlots(campaign, identity, clientAddress, now);

  const candidates = await listReconciliationCandidates(campaign.schoolId, birthdate, { disabled: false });
  const match = findMatchingLearner(identity, candidates);
  if (match.status !== "MATCHED") {
    if (match.status === "AMBIGUOUS") {
      logger.warn("gar.reconciliation.ambiguous", {
        campaignId: campaign.id,
        schoolId: campaign.schoolId,
        candidateCount: match.candidateCount,
      });
    } else {
      const disabled = findMatchingLearner(
        identity,
        await listReconciliationCandidates(campaign.schoolId, birthdate, { disabled: true }),
      );
      if (disabled.status === "MATCHED") {
        logger.info("gar.reconciliation.learner_disabled", { campaignId: campaign.id, learnerId: disabled.learnerId });
        await releaseBirthdateSlots(slots);
        throw new DomainError("LEARNER_DISABLED");
      }
    }
    await recordWrongBirthdate(slots, campaign, identity);
    throw new DomainError("RECONCILIATION_NOT_FOUND");
  }
  // The right birth date: the attempt does not count. Its slots are given back in the
  // transaction's first statement, or after it when it fails.
  const slotIds = [slots.identity.eventId, slots.address.eventId];
  // The session is written with the account; the action sets its cookie.
  const session = prepareSessionRecord("STUDENT", now);

  const learnerId = match.learnerId;
  const matched = candidates.find((candidate) => candidate.id === learnerId);
  /** Set when an IDO replacement is refused: audit-logged after the rollback (nothing else changes). */
  let refusal: { userId: number; reason: IdoReplacementRefusal } | null = null;
  const outcome = await withRetries(() =>
    prisma.$transaction(async (tx) => {
      refusal = null;
      // Single use, atomically: of parallel requests with one cookie, one goes on, the others wait
      // for this row and then find it consumed (rolled back with the rest if this attempt fails).
      // Also reads the SAML sign-in that left this pending identity, to tie to the session about to start.
      // In the same statement: the learner's row lock (`FOR UPDATE`) and the account the new
      // IDO already opens, if any. A method created by a parallel attempt after this statement's
      // snapshot is not seen here: the account's insert then hits the unique IDO and is retried.
      const at = now.toISOString();
      const [consumed] = await tx.$queryRaw<
        {
          saml_login_id: string | null;
          found: boolean | null;
          user_id: number | null;
          is_disabled: boolean;
          method_id: number | null;
          method_user_id: number | null;
        }[]
      >`
        WITH released AS (
          DELETE FROM throttle_events WHERE id = ANY(${slotIds}::int[])
        ), consumed AS (
          UPDATE gar_pending_identities AS g SET consumed_at = ${at}::timestamp(3)
           WHERE g.id = ${identity.id} AND g.consumed_at IS NULL AND g.expires_at > ${at}::timestamp(3)
          RETURNING (SELECT sl.id FROM gar_saml_logins AS sl WHERE sl.pending_identity_id = g.id) AS saml_login_id
        )
        SELECT consumed.saml_login_id, l.found, l.user_id, l.is_disabled, m.id AS method_id, m.user_id AS method_user_id
          FROM consumed
          LEFT JOIN LATERAL (
            SELECT true AS found, user_id, is_disabled FROM learners WHERE id = ${learnerId} FOR UPDATE
          ) AS l ON true
          LEFT JOIN authentication_methods AS m
            ON m.provider = 'GAR'::"AuthenticationProvider" AND m.external_id = ${identity.garId}`;
      if (!consumed) throw new DomainError("GAR_PENDING_IDENTITY_EXPIRED");
      if (!consumed.found) throw new DomainError("RECONCILIATION_NOT_FOUND");
      const learner = { userId: consumed.user_id, isDisabled: consumed.is_disabled };
      if (learner.isDisabled) throw new DomainError("LEARNER_DISABLED");
      const methodOfIdo =
        consumed.method_id === null || consumed.method_user_id === null
          ? null
          : { id: consumed.method_id, userId: consumed.method_user_id };

      let userId: number;
      let isNewAccount = false;
      let garIdReplaced = false;
      if (learner.userId === null) {
        if (methodOfIdo) {
          // The same student finished a parallel attempt a moment ago: reuse that account.
          userId = methodOfIdo.userId;
          await tx.learner.updateMany({ where: { id: learnerId, userId: null }, data: { userId } });
        } else {
          // The account and its GAR method in one statement (a nested create sends three). A
          // parallel attempt that created the same IDO first: unique violation, retried.
          const [created] = await tx.$queryRaw<{ id: number }[]>`
            WITH created AS (
              INSERT INTO users (first_name, last_name, last_logged_at, created_at, updated_at)
              VALUES (${identity.firstName}, ${identity.lastName}, ${at}::timestamp(3), ${at}::timestamp(3), ${at}::timestamp(3))
              RETURNING id
            ), method AS (
              INSERT INTO authentication_methods (user_id, provider, external_id, first_name, last_name, created_at, updated_at)
              SELECT id, 'GAR'::"AuthenticationProvider", ${identity.garId}, ${identity.firstName}, ${identity.lastName},
                     ${at}::timestamp(3), ${at}::timestamp(3)
                FROM created
            ), linked AS (
              UPDATE learners SET user_id = (SELECT id FROM created), updated_at = ${at}::timestamp(3)
               WHERE id = ${learnerId} AND user_id IS NULL
            ), session AS (
              INSERT INTO sessions (id, user_id, kind, current_school_id, created_at, last_seen_at, expires_at)
              SELECT ${session.sessionId}, id, 'STUDENT'::"SessionKind", NULL, ${at}::timestamp(3), ${at}::timestamp(3),
                     ${session.expiresAt.toISOString()}::timestamp(3)
                FROM created
            ), set_aside AS (
              -- setAsideFormerAccountParticipation, for the new account (the learner row is locked).
              UPDATE participations SET deleted_at = ${at}::timestamp(3), updated_at = ${at}::timestamp(3)
               WHERE school_id = ${campaign.schoolId} AND campaign_id = ${campaign.id} AND learner_id = ${learnerId}
                 AND deleted_at IS NULL AND user_id IS DISTINCT FROM (SELECT id FROM created)
            )
            SELECT id FROM created`;
          userId = created!.id;
          isNewAccount = true;
        }
      } else {
        userId = learner.userId;
        const garMethod = await tx.authenticationMethod.findUnique({
          where: { provider_userId: { provider: "GAR", userId } },
          select: { id: true, externalId: true },
        });
        if (!garMethod) {
          const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
          throw new DomainError("LEARNER_LINKED_TO_OTHER_ACCOUNT", {
            userMessage: accountsText.linkedToOtherAccount(maskLoginHint(user?.email ?? null)),
            details: { loginHint: maskLoginHint(user?.email ?? null) },
          });
        }
        if (garMethod.externalId !== identity.garId) {
          if (methodOfIdo && methodOfIdo.userId !== userId) {
            // The new IDO already opens another account: merging accounts is a support matter.
            logger.warn("gar.reconciliation.ido_owned_by_other_account", {
              learnerId,
              userId,
              otherUserId: methodOfIdo.userId,
            });
            refusal = { userId, reason: "IDO_OWNS_OTHER_ACCOUNT" };
            throw new DomainError("CONFLICT");
          }
          // IDOs do change, but the tolerant pass alone must never hand an existing account to
          // someone else: same school (UAI) and names equal after normalisation, nothing less.
          const reason: IdoReplacementRefusal | null = !isAttachedToSchool(identity.uais, campaign.schoolUai)
            ? "UAI_MISMATCH"
            : !matched || !namesMatchExactly(identity, matched)
              ? "NAMES_DIFFER"
              : null;
          if (reason) {
            logger.warn("gar.reconciliation.ido_replacement_refused", {
              campaignId: campaign.id,
              learnerId,
              userId,
              reason,
            });
            refusal = { userId, reason };
            throw new DomainError("LEARNER_ALREADY_LINKED");
          }
          await tx.authenticationMethod.update({
            where: { id: garMethod.id },
            data: { externalId: identity.garId, firstName: identity.firstName, lastName: identity.lastName },
          });
          await recordAudit(
            {
              schoolId: campaign.schoolId,
              actorUserId: null,
              action: IDO_REPLACED_AUDIT_ACTION,
              targetType: "learner",
              targetId: learnerId,
              data: { userId, campaignId: campaign.id },
            },
            tx,
          );
          garIdReplaced = true;
        }
      }

      // A new account was just written with these names and this sign-in time.
      const user = isNewAccount
        ? { cguAcceptedAt: null }
        : await tx.user.update({
            where: { id: userId },
            data: { firstName: identity.firstName, lastName: identity.lastName, lastLoggedAt: now },
            select: { cguAcceptedAt: true },
          });
      if (!isNewAccount) {
        await setAsideFormerAccountParticipation(tx, campaign, learnerId, userId, now);
        await insertSessionRecord(session, userId, null, tx);
      }
      return {
        userId,
        learnerId,
        isNewAccount,
        garIdReplaced,
        hasAcceptedCgu: user.cguAcceptedAt !== null,
        samlLoginId: consumed.saml_login_id,
      };
    }, TRANSACTION_OPTIONS),
  ).catch(async (error: unknown) => {
    // Rolled back with the rest: the right date still does not count.
    await releaseBirthdateSlots(slots);
    const refused = refusal as { userId: number; reason: IdoReplacementRefusal } | null;
    if (refused) {
      // The attempt was rolled back (no IDO change, no names, no link, the pending
      // identity still usable); the refusal itself is kept for the school's staff.
      await recordAudit({
        schoolId: campaign.schoolId,
        actorUserId: null,
        action: IDO_REPLACEMENT_REFUSED_AUDIT_ACTION,
        targetType: "learner",
        targetId: learnerId,
        data: { userId: refused.userId, campaignId: campaign.id, reason: refused.reason },
      });
    }
    throw error;
  });

  logger.info("gar.reconciliation.done", {
    campaignId: campaign.id,
    userId: outcome.userId,
    isNewAccount: outcome.isNewAccount,
    // Not `garIdReplaced`: the logger redacts keys that look like GAR ids, this one is a yes/no.
    idoChanged: outcome.garIdReplaced,
  });
  return {
    ...outcome,
    campaignCode: campaign.code,
    session: { token: session.token, sessionId: session.sessionId, expiresAt: session.expiresAt },
  };
}

/**
 * *Commencer* on a campaign's start page: the signed-in student must already be a learner of the
 * campaign's school; then the participation is started, or the active one resumed (idempotent:
 * parallel presses find the one the partial unique index keeps).
 */
export async function joinCampaignAsStudent(options: {
  userId: number;
  campaignCode: string;
}): Promise<JoinedCampaign> {
  const { campaign, learner } = await resolveJoinableCampaignForStudent(options.campaignCode, options.userId);

  // The lock, the set-aside, the checks and the insert: one statement (a deadlock is retried).
  const { participationId } = await withRetries(() =>
    startLearnerParticipation({
      schoolId: campaign.schoolId,
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: options.userId,
    }),
  );
  return { campaignCode: campaign.code, participationId };
}

export async function acceptStudentCgu(userId: number, now = new Date()): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId, cguAcceptedAt: null }, data: { cguAcceptedAt: now } });
}

/* ------------------------------------------------------------------------------------------ */
/* Orga: unlocking a pupil blocked by wrong birth dates                                        */
/* ------------------------------------------------------------------------------------------ */

/**
 * A MEMBER or ADMIN of the school unlocks a pupil: the lockout rows of that identity in the
 * school are closed and the identity's birth-date count is cleared, so the pupil can retry at
 * once. Scoped by school: another school's lockout is "not found". Audited with ids only.
 */
export async function unlockStudent(
  input: { schoolId: AuthorizedSchoolId; actorUserId: number; lockoutId: number },
  now = new Date(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const lockout = await tx.studentLockout.findFirst({
      where: { id: input.lockoutId, schoolId: input.schoolId, unlockedAt: null, blockedUntil: { gt: now } },
      select: { id: true, campaignId: true, identityHash: true },
    });
    if (!lockout) throw new DomainError("NOT_FOUND", { userMessage: accountsText.lockouts.notFound });
    await tx.studentLockout.updateMany({
      where: { schoolId: input.schoolId, identityHash: lockout.identityHash, unlockedAt: null },
      data: { unlockedAt: now, unlockedById: input.actorUserId },
    });
    await clearThrottle(identityBucket(lockout.identityHash), tx);
    await recordAudit(
      {
        schoolId: input.schoolId,
        actorUserId: input.actorUserId,
        action: "student.unlocked",
        targetType: "student_lockout",
        targetId: lockout.id,
        data: { campaignId: lockout.campaignId },
      },
      tx,
    );
  });
}
