import type { GarIdentity, GarProfileMappingResult } from "./domain/gar-claims";

export type { GarIdentity };

/** What the app keeps while the browser is at the GAR: PKCE verifier, state, nonce. */
export type GarAuthorizationRequest = {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
};

export type GarCallbackChecks = { state: string; nonce: string; codeVerifier: string };

export type GarCompletion =
  | { ok: true; identity: GarIdentity }
  | { ok: false; reason: "ACCESS_DENIED" | "NO_SUBSCRIPTION" | "PROTOCOL_ERROR" }
  | Extract<GarProfileMappingResult, { ok: false }>;

/**
 * The GAR as the app sees it, whatever the protocol (OIDC today; SAML would be a second
 * adapter): start a sign-in, then turn the callback into an identity.
 */
export type GarPort = {
  createAuthorizationRequest(): Promise<GarAuthorizationRequest>;
  /** `callbackQuery` is the query string the GAR sent back to `/gar/callback`. */
  completeAuthorization(callbackQuery: URLSearchParams, checks: GarCallbackChecks): Promise<GarCompletion>;
};

/**
 * Why the SAML adapter refused a Response (stable codes, logged; the student sees
 * GAR_ASSERTION_REFUSED, or the mapping's own page). `ACCESS_DENIED`: the IdP answered RequestDenied.
 */
export type SamlRefusalReason =
  | "MALFORMED"
  | "DOCTYPE"
  | "COMMENT_OR_PI"
  | "SIGNATURE_INVALID"
  | "SIGNATURE_WRAPPING"
  | "WRONG_DESTINATION"
  | "WRONG_AUDIENCE"
  | "WRONG_ISSUER"
  | "NOT_IN_VALIDITY_WINDOW"
  | "STATUS_NOT_SUCCESS"
  | "ACCESS_DENIED"
  /** No InResponseTo in the signed assertion, or one that is not a pending request of ours. */
  | "UNKNOWN_REQUEST"
  /** The assertion id was already accepted once. */
  | "REPLAYED";

export type GarSamlVerification =
  | {
      ok: true;
      identity: GarIdentity;
      /** From the signed assertion's SubjectConfirmationData: the AuthnRequest it answers. */
      inResponseTo: string;
      /** sha256(issuer, assertion ID): the replay-cache key. */
      assertionKey: string;
      /** NotOnOrAfter plus the clock skew: the replay row is needed until then. */
      expiresAt: Date;
    }
  | { ok: false; reason: SamlRefusalReason }
  | Extract<GarProfileMappingResult, { ok: false }>;

/**
 * The GAR port's SAML adapter: a signed AuthnRequest by HTTP-Redirect, then a POSTed Response
 * verified into the same `GarIdentity` as the OIDC adapter gives (docs/decisions/011).
 */
export type GarSamlPort = {
  protocol: "saml";
  entityId: string;
  hasIdpLogout: boolean;
  createAuthnRequest(): Promise<{ url: URL; requestId: string }>;
  /** `samlResponse`: the base64 `SAMLResponse` form field, untrusted. */
  verifyResponse(samlResponse: string): Promise<GarSamlVerification>;
  serviceProviderMetadata(): string;
};

/** Where the callback leaves the student. */
export type GarSignInOutcome =
  | { kind: "SIGNED_IN"; userId: number; returnTo: string | null; hasAcceptedCgu: boolean }
  /** `pendingIdentityId`: the server-side row of the pending identity, sealed into its cookie. */
  | { kind: "PENDING"; identity: GarIdentity; pendingIdentityId: string; returnTo: string | null };

export type JoinedCampaign = { campaignCode: string; participationId: number };

export type ReconciliationOutcome = JoinedCampaign & {
  userId: number;
  hasAcceptedCgu: boolean;
  /** True when an account already linked to the learner got the new IDO (never a second account). */
  garIdReplaced: boolean;
  isNewAccount: boolean;
};

export type CampaignEntry = {
  id: number;
  code: string;
  name: string;
  title: string | null;
  schoolId: number;
  schoolName: string;
  schoolUai: string;
};

export type StudentParticipationCard = {
  participationId: number;
  campaignCode: string;
  title: string;
  schoolName: string;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  startedAt: Date;
  sharedAt: Date | null;
  /** Answers given so far: *Reprendre* goes straight to the next question once there is one. */
  answeredCount: number;
};

export type StudentHome = {
  firstName: string;
  lastName: string;
  inProgress: StudentParticipationCard[];
  finished: StudentParticipationCard[];
  shared: StudentParticipationCard[];
};

export type BlockedStudent = {
  lockoutId: number;
  campaignId: number;
  campaignName: string;
  /** The names the GAR sent (the pupil is not matched to a learner yet). */
  firstName: string;
  lastName: string;
  blockedUntil: Date;
  /** The one learner of the school with these names, if exactly one. */
  learnerId: number | null;
};
