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
  /** RequestDenied because the school has no active subscription to the resource. */
  | "NO_SUBSCRIPTION"
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
      /** What identifies this sign-in at the IdP, for single logout (null: no NameID). */
      login: SamlLoginReference | null;
    }
  | { ok: false; reason: SamlRefusalReason }
  | Extract<GarProfileMappingResult, { ok: false }>;

/** The NameID and SessionIndex of a signed assertion: an IdP LogoutRequest names them, ours sends them back. */
export type SamlLoginReference = { nameId: string; nameIdFormat: string | null; sessionIndex: string | null };

/** Why a logout message (LogoutRequest of the IdP, LogoutResponse to ours) was refused; logged. */
export type SamlLogoutRefusalReason =
  | "MALFORMED"
  | "DOCTYPE"
  | "COMMENT_OR_PI"
  /** A redirect-binding message without Signature/SigAlg (node-saml would accept it). */
  | "UNSIGNED"
  | "SIGNATURE_INVALID"
  | "SIGNATURE_WRAPPING"
  | "WRONG_ISSUER"
  | "WRONG_DESTINATION"
  | "NOT_IN_VALIDITY_WINDOW"
  | "STATUS_NOT_SUCCESS"
  /** A LogoutResponse whose InResponseTo is not a LogoutRequest of ours still pending. */
  | "UNKNOWN_REQUEST"
  /** The same LogoutRequest (issuer and ID) was already handled. */
  | "REPLAYED";

export type GarSamlLogoutRequest = {
  kind: "REQUEST";
  /** The request's ID, for the LogoutResponse's InResponseTo. */
  requestId: string;
  /** sha256(issuer, ID): the replay-cache key. */
  requestKey: string;
  nameId: string;
  /** Empty: every sign-in of the NameID. */
  sessionIndexes: string[];
  /** Until then a copy would still be within the validity window: the replay row is needed. */
  expiresAt: Date;
  relayState: string | null;
};

export type GarSamlLogoutMessage =
  | ({ ok: true } & GarSamlLogoutRequest)
  | { ok: true; kind: "RESPONSE"; inResponseTo: string; relayState: string | null }
  | { ok: false; reason: SamlLogoutRefusalReason };

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
  /** Single logout, HTTP-Redirect binding: `rawQuery` is the query string as received (the signature covers it). */
  readLogoutRedirect(rawQuery: string, now?: Date): Promise<GarSamlLogoutMessage>;
  /** Single logout, SOAP back-channel: the POSTed envelope holding a signed LogoutRequest. */
  readLogoutSoap(envelope: string, now?: Date): Promise<GarSamlLogoutMessage>;
  /** Our LogoutResponse by HTTP-Redirect to the IdP's SingleLogoutService, signed. */
  logoutResponseRedirectUrl(requestId: string, relayState: string | null, success: boolean): Promise<URL>;
  /** Our LogoutResponse in a SOAP envelope (the back-channel answer). */
  soapLogoutResponse(requestId: string, success: boolean): string;
  /** Our LogoutRequest (SP-initiated sign-out), signed, by HTTP-Redirect; null when the IdP publishes no SLO. */
  createLogoutRequest(login: SamlLoginReference): Promise<{ url: URL; requestId: string } | null>;
};

/** Where the callback leaves the student. */
export type GarSignInOutcome = (
  | { kind: "SIGNED_IN"; userId: number; returnTo: string | null; hasAcceptedCgu: boolean }
  /** `pendingIdentityId`: the server-side row of the pending identity, sealed into its cookie. */
  | { kind: "PENDING"; identity: GarIdentity; pendingIdentityId: string; returnTo: string | null }
) & {
  /** SAML: the `gar_saml_logins` row to tie to the session once it is started (single logout). */
  samlLoginId?: string;
};

export type JoinedCampaign = { campaignCode: string; participationId: number };

/** The learner matched and its account linked; no participation yet (it starts at *Commencer*). */
export type ReconciliationOutcome = {
  campaignCode: string;
  userId: number;
  learnerId: number;
  hasAcceptedCgu: boolean;
  /** True when an account already linked to the learner got the new IDO (never a second account). */
  garIdReplaced: boolean;
  isNewAccount: boolean;
  /** SAML: the sign-in that left the pending identity, to tie to the session (single logout). */
  samlLoginId: string | null;
  /** The student's session, written in the reconciliation's transaction: its cookie is still to set. */
  session: { token: string; sessionId: string; expiresAt: Date };
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
