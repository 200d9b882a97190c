import "server-only";

import { createHash, createVerify, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";

import { SAML, SamlStatusError, ValidateInResponseTo, type Profile } from "@node-saml/node-saml";
import { DOMParser, XMLSerializer } from "@xmldom/xmldom";

import { env } from "@/lib/env";
import { mapSamlAttributes, parseSamlAttributeMapping, type SamlAttributeMapping } from "./domain/gar-claims";
import type {
  GarSamlLogoutMessage,
  GarSamlPort,
  GarSamlVerification,
  SamlLoginReference,
  SamlLogoutRefusalReason,
  SamlRefusalReason,
} from "./types";

/**
 * The GAR port's SAML 2.0 adapter (Web Browser SSO, SP-initiated): AuthnRequest signed, by
 * HTTP-Redirect; Response by HTTP-POST to the ACS. Signatures are checked by @node-saml/node-saml
 * (xml-crypto) against the IdP certificates of its metadata only; this file adds what the library
 * leaves to us (docs/gar.md): no DOCTYPE, comment or processing instruction, exactly one Assertion
 * in the whole document (signature wrapping), Destination and Recipient = our ACS, the assertion's
 * Issuer = the IdP, and the InResponseTo read from the *signed* assertion. The request row and the
 * replay row are the mutation's (PostgreSQL, shared by every instance).
 */
export type GarSamlIdp = {
  entityId: string;
  /** SingleSignOnService, HTTP-Redirect binding. */
  ssoRedirectUrl: string;
  /** SingleLogoutService, HTTP-Redirect binding, when the IdP publishes one. */
  sloRedirectUrl: string | null;
  /** PEM certificates of the IdP's signing keys (`use="signing"` or no `use`). */
  certificates: string[];
};

export type GarSamlSettings = {
  /** Public origin of the app: every SP URL is built from it, never from a request's Host. */
  appBaseUrl: string;
  /** The RelayState: the resource URL declared to the GAR. */
  resourceUrl: string;
  spKey: string;
  spCert: string;
  idp: GarSamlIdp;
  clockSkewMs: number;
  attributeMapping?: SamlAttributeMapping;
};

const PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
const ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
const METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
const DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
const SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
/** A GAR Response is a few kilobytes; anything far larger is refused before parsing. */
const MAX_RESPONSE_BYTES = 256 * 1024;
/** A logout message is smaller still. */
const MAX_LOGOUT_BYTES = 64 * 1024;
/** A LogoutRequest is acted on at once: one issued longer ago than this (plus the skew) is refused. */
export const LOGOUT_REQUEST_MAX_AGE_MS = 5 * 60 * 1000;
/** Redirect-binding signature algorithms accepted (SHA-1 is not). */
const REDIRECT_SIG_ALGS: Record<string, string> = {
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256": "RSA-SHA256",
  "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512": "RSA-SHA512",
};
const UNSPECIFIED_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

export function garSamlUrls(appBaseUrl: string) {
  return {
    /** The SP entityID is the URL of its metadata (a GAR rule). */
    entityId: new URL("/gar/saml/metadata", appBaseUrl).toString(),
    acs: new URL("/gar/saml/acs", appBaseUrl).toString(),
    slo: new URL("/gar/saml/logout", appBaseUrl).toString(),
  };
}

function toPem(base64: string): string {
  const body = base64.replace(/\s+/g, "");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/** Refuses what no GAR message contains and what XML attacks need: DOCTYPE (entities), comments, PIs. */
function hasForbiddenMarkup(xml: string): boolean {
  const withoutDeclaration = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, "");
  return /<!DOCTYPE|<!ENTITY|<!--|<\?/i.test(withoutDeclaration);
}

function parseXml(xml: string): Document | null {
  let failed = false;
  const onError = () => {
    failed = true;
  };
  const doc = new DOMParser({
    errorHandler: { warning: () => {}, error: onError, fatalError: onError },
  }).parseFromString(xml, "text/xml");
  return failed || !doc?.documentElement ? null : (doc as unknown as Document);
}

function elements(parent: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName) as unknown as ArrayLike<Element>);
}

/** The IdP's metadata (EntityDescriptor with an IDPSSODescriptor); untrusted until an operator chose it. */
export function parseIdpMetadata(xml: string): GarSamlIdp {
  if (hasForbiddenMarkup(xml)) throw new Error("GAR_SAML_IDP_METADATA: DOCTYPE, comments and PIs are refused.");
  const doc = parseXml(xml);
  if (!doc) throw new Error("GAR_SAML_IDP_METADATA is not well-formed XML.");
  const entity = elements(doc, METADATA_NS, "EntityDescriptor")[0];
  const idp = elements(doc, METADATA_NS, "IDPSSODescriptor")[0];
  const entityId = entity?.getAttribute("entityID");
  if (!entity || !idp || !entityId) throw new Error("GAR_SAML_IDP_METADATA has no EntityDescriptor/IDPSSODescriptor.");
  const byBinding = (name: string) =>
    elements(idp, METADATA_NS, name)
      .find((service) => service.getAttribute("Binding") === REDIRECT_BINDING)
      ?.getAttribute("Location") ?? null;
  const ssoRedirectUrl = byBinding("SingleSignOnService");
  if (!ssoRedirectUrl) throw new Error("GAR_SAML_IDP_METADATA has no HTTP-Redirect SingleSignOnService.");
  const certificates = elements(idp, METADATA_NS, "KeyDescriptor")
    .filter((key) => (key.getAttribute("use") ?? "signing") === "signing")
    .flatMap((key) => elements(key, DSIG_NS, "X509Certificate"))
    .map((cert) => toPem(cert.textContent ?? ""));
  if (certificates.length === 0) throw new Error("GAR_SAML_IDP_METADATA has no signing certificate.");
  return { entityId, ssoRedirectUrl, sloRedirectUrl: byBinding("SingleLogoutService"), certificates };
}

/** A file path or an http(s) URL. */
export async function loadIdpMetadata(source: string): Promise<GarSamlIdp> {
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`GAR_SAML_IDP_METADATA: HTTP ${response.status}`);
    return parseIdpMetadata(await response.text());
  }
  return parseIdpMetadata(await readFile(source, "utf8"));
}

function classifyLibraryError(error: unknown): SamlRefusalReason {
  if (error instanceof SamlStatusError) {
    if (!/RequestDenied|AuthnFailed/.test(error.xmlStatus)) return "STATUS_NOT_SUCCESS";
    // RequestDenied covers both the unassigned student and the school without a subscription; only
    // the StatusMessage's words tell them apart (as the OIDC error_description does).
    return /abonnement/i.test(error.message) ? "NO_SUBSCRIPTION" : "ACCESS_DENIED";
  }
  const message = (error as Error).message ?? "";
  if (/not yet valid|expired/i.test(message)) return "NOT_IN_VALIDITY_WINDOW";
  if (/audience/i.test(message)) return "WRONG_AUDIENCE";
  if (/signature/i.test(message)) return "SIGNATURE_INVALID";
  return "MALFORMED";
}

/** The AuthnRequest's ID, read back from the redirect URL node-saml built (deflated, base64). */
function authnRequestId(url: URL): string {
  const encoded = url.searchParams.get("SAMLRequest");
  if (!encoded) throw new Error("node-saml built no SAMLRequest");
  const xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error("AuthnRequest without ID");
  return id;
}

function earliest(...dates: (string | null | undefined)[]): Date | null {
  const times = dates.filter((value): value is string => !!value).map((value) => Date.parse(value));
  if (times.some((time) => Number.isNaN(time)) || times.length === 0) return null;
  return new Date(Math.min(...times));
}

function classifyLogoutError(error: unknown): SamlLogoutRefusalReason {
  const message = (error as Error).message ?? "";
  if (/status code/i.test(message)) return "STATUS_NOT_SUCCESS";
  if (/not yet valid|expired/i.test(message)) return "NOT_IN_VALIDITY_WINDOW";
  if (/signature/i.test(message)) return "SIGNATURE_INVALID";
  if (/issuer/i.test(message)) return "WRONG_ISSUER";
  return "MALFORMED";
}

type RedirectParams = Record<"SAMLRequest" | "SAMLResponse" | "RelayState" | "SigAlg" | "Signature", string>;

/**
 * The redirect binding's query string, strictly: the five known parameters at most once each, their
 * raw (still URL-encoded) `name=value` kept, since the signature covers exactly those bytes.
 */
function splitRedirectQuery(rawQuery: string): { raw: Partial<RedirectParams>; value: Partial<RedirectParams> } | null {
  const raw: Partial<RedirectParams> = {};
  const value: Partial<RedirectParams> = {};
  for (const token of rawQuery.split("&")) {
    if (!token) continue;
    const equals = token.indexOf("=");
    if (equals <= 0) return null;
    const name = token.slice(0, equals) as keyof RedirectParams;
    if (!["SAMLRequest", "SAMLResponse", "RelayState", "SigAlg", "Signature"].includes(name)) continue;
    if (raw[name] !== undefined) return null;
    raw[name] = token;
    try {
      value[name] = decodeURIComponent(token.slice(equals + 1).replace(/\+/g, " "));
    } catch {
      return null;
    }
  }
  return { raw, value };
}

function textOf(parent: Element | Document, ns: string, localName: string): string | null {
  const element = elements(parent, ns, localName)[0];
  return element ? (element.textContent ?? "").trim() : null;
}

export function createGarSamlPort(settings: GarSamlSettings): GarSamlPort {
  const urls = garSamlUrls(settings.appBaseUrl);
  const mapping = settings.attributeMapping;
  const saml = new SAML({
    callbackUrl: urls.acs,
    entryPoint: settings.idp.ssoRedirectUrl,
    issuer: urls.entityId,
    audience: urls.entityId,
    idpCert: settings.idp.certificates,
    privateKey: settings.spKey,
    publicCert: settings.spCert,
    decryptionPvk: settings.spKey,
    signatureAlgorithm: "sha256",
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
    // Either the Assertion is signed, or the Response is and holds exactly one Assertion.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: settings.clockSkewMs,
    // The request row lives in PostgreSQL and is consumed by the mutation, in one statement.
    validateInResponseTo: ValidateInResponseTo.never,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    generateUniqueId: () => `_${randomBytes(20).toString("hex")}`,
    ...(settings.idp.sloRedirectUrl ? { logoutUrl: settings.idp.sloRedirectUrl } : {}),
    logoutCallbackUrl: urls.slo,
  });

  function refuse(reason: SamlRefusalReason): GarSamlVerification {
    return { ok: false, reason };
  }

  function refuseLogout(reason: SamlLogoutRefusalReason): GarSamlLogoutMessage {
    return { ok: false, reason };
  }

  const requestKey = (id: string) => createHash("sha256").update(`${settings.idp.entityId}\n${id}`).digest("hex");

  /**
   * What both bindings check on the message itself once its signature is verified: the root, the
   * Issuer (the IdP), the Destination (our SLO URL, when present), and for a LogoutRequest an
   * IssueInstant within LOGOUT_REQUEST_MAX_AGE_MS (and the skew) of `now`.
   */
  function checkLogoutMessage(
    doc: Document,
    now: Date,
  ): { ok: true; root: Element; expiresAt: Date } | { ok: false; reason: SamlLogoutRefusalReason } {
    const root = doc.documentElement;
    if (!root || root.namespaceURI !== PROTOCOL_NS || !["LogoutRequest", "LogoutResponse"].includes(root.localName)) {
      return { ok: false, reason: "MALFORMED" };
    }
    if (elements(doc, PROTOCOL_NS, "LogoutRequest").length + elements(doc, PROTOCOL_NS, "LogoutResponse").length > 1) {
      return { ok: false, reason: "SIGNATURE_WRAPPING" };
    }
    const issuer = Array.from(root.childNodes as unknown as ArrayLike<Node>).find(
      (node): node is Element => node.nodeType === 1 && (node as Element).localName === "Issuer",
    );
    if ((issuer?.textContent ?? "").trim() !== settings.idp.entityId) return { ok: false, reason: "WRONG_ISSUER" };
    const destination = root.getAttribute("Destination");
    if (destination && destination !== urls.slo) return { ok: false, reason: "WRONG_DESTINATION" };
    const issued = Date.parse(root.getAttribute("IssueInstant") ?? "");
    if (Number.isNaN(issued)) return { ok: false, reason: "MALFORMED" };
    const skew = settings.clockSkewMs;
    if (
      root.localName === "LogoutRequest" &&
      (issued > now.getTime() + skew || issued < now.getTime() - LOGOUT_REQUEST_MAX_AGE_MS - skew)
    ) {
      return { ok: false, reason: "NOT_IN_VALIDITY_WINDOW" };
    }
    const notOnOrAfter = Date.parse(root.getAttribute("NotOnOrAfter") ?? "");
    if (!Number.isNaN(notOnOrAfter) && notOnOrAfter + skew <= now.getTime()) {
      return { ok: false, reason: "NOT_IN_VALIDITY_WINDOW" };
    }
    return { ok: true, root, expiresAt: new Date(issued + LOGOUT_REQUEST_MAX_AGE_MS + 2 * skew) };
  }

  function logoutRequestOf(
    root: Element,
    profile: Profile | null,
    expiresAt: Date,
    relayState: string | null,
  ): GarSamlLogoutMessage {
    const requestId = root.getAttribute("ID");
    if (!requestId || !profile?.nameID) return refuseLogout("MALFORMED");
    const sessionIndexes = elements(root, PROTOCOL_NS, "SessionIndex")
      .map((element) => (element.textContent ?? "").trim())
      .filter(Boolean);
    return {
      ok: true,
      kind: "REQUEST",
      requestId,
      requestKey: requestKey(requestId),
      nameId: profile.nameID,
      sessionIndexes,
      expiresAt,
      relayState,
    };
  }

  return {
    protocol: "saml",
    entityId: urls.entityId,
    hasIdpLogout: settings.idp.sloRedirectUrl !== null,

    async createAuthnRequest() {
      const url = new URL(await saml.getAuthorizeUrlAsync(settings.resourceUrl, undefined, {}));
      return { url, requestId: authnRequestId(url) };
    },

    serviceProviderMetadata() {
      const xml = saml.generateServiceProviderMetadata(settings.spCert, settings.spCert);
      // node-saml declares its SLO with the HTTP-POST binding; ours takes HTTP-Redirect and SOAP.
      const slo = (binding: string) =>
        `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:${binding}" Location="${urls.slo}"/>`;
      return xml.replace(/<SingleLogoutService\b[^>]*\/>/, `${slo("HTTP-Redirect")}${slo("SOAP")}`);
    },

    async readLogoutRedirect(rawQuery, now = new Date()) {
      if (rawQuery.length > (MAX_LOGOUT_BYTES * 4) / 3 + 4096) return refuseLogout("MALFORMED");
      const query = splitRedirectQuery(rawQuery);
      if (!query) return refuseLogout("MALFORMED");
      const { raw, value } = query;
      const messageName = raw.SAMLRequest ? "SAMLRequest" : raw.SAMLResponse ? "SAMLResponse" : null;
      if (!messageName || (raw.SAMLRequest && raw.SAMLResponse)) return refuseLogout("MALFORMED");
      // node-saml checks a redirect signature only when one is there: it is required here.
      if (!raw.Signature || !raw.SigAlg || !value.Signature || !value.SigAlg) return refuseLogout("UNSIGNED");
      const algorithm = REDIRECT_SIG_ALGS[value.SigAlg];
      if (!algorithm) return refuseLogout("SIGNATURE_INVALID");
      const signed = [raw[messageName], raw.RelayState, raw.SigAlg].filter(Boolean).join("&");
      const signature = value.Signature;
      const verified = settings.idp.certificates.some((cert) => {
        try {
          return createVerify(algorithm).update(signed).verify(cert, signature, "base64");
        } catch {
          return false;
        }
      });
      if (!verified) return refuseLogout("SIGNATURE_INVALID");

      let xml: string;
      try {
        xml = inflateRawSync(Buffer.from(value[messageName]!, "base64"), {
          maxOutputLength: MAX_LOGOUT_BYTES,
        }).toString("utf8");
      } catch {
        return refuseLogout("MALFORMED");
      }
      if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return refuseLogout("DOCTYPE");
      if (hasForbiddenMarkup(xml)) return refuseLogout("COMMENT_OR_PI");
      const doc = parseXml(xml);
      if (!doc) return refuseLogout("MALFORMED");
      const checked = checkLogoutMessage(doc, now);
      if (!checked.ok) return refuseLogout(checked.reason);
      const relayState = value.RelayState ?? null;

      let profile: Profile | null;
      try {
        const container: Record<string, string> = { [messageName]: value[messageName]!, SigAlg: value.SigAlg };
        container.Signature = signature;
        if (value.RelayState !== undefined) container.RelayState = value.RelayState;
        // The library re-checks the signature (present) and reads the NameID (EncryptedID too).
        ({ profile } = await saml.validateRedirectAsync(container, rawQuery));
      } catch (error) {
        return refuseLogout(classifyLogoutError(error));
      }
      if (checked.root.localName === "LogoutResponse") {
        const inResponseTo = checked.root.getAttribute("InResponseTo");
        if (!inResponseTo) return refuseLogout("UNKNOWN_REQUEST");
        return { ok: true, kind: "RESPONSE", inResponseTo, relayState };
      }
      return logoutRequestOf(checked.root, profile, checked.expiresAt, relayState);
    },

    async readLogoutSoap(envelope, now = new Date()) {
      if (envelope.length > MAX_LOGOUT_BYTES) return refuseLogout("MALFORMED");
      if (/<!DOCTYPE|<!ENTITY/i.test(envelope)) return refuseLogout("DOCTYPE");
      if (hasForbiddenMarkup(envelope)) return refuseLogout("COMMENT_OR_PI");
      const soap = parseXml(envelope);
      const root = soap?.documentElement;
      if (!soap || !root || root.namespaceURI !== SOAP_NS || root.localName !== "Envelope") {
        return refuseLogout("MALFORMED");
      }
      const bodies = elements(soap, SOAP_NS, "Body");
      const children = bodies.length === 1 ? Array.from(bodies[0]!.childNodes as unknown as ArrayLike<Node>) : [];
      const payload = children.filter((node): node is Element => node.nodeType === 1);
      if (payload.length !== 1 || elements(soap, PROTOCOL_NS, "LogoutRequest").length !== 1) {
        return refuseLogout(payload.length > 1 ? "SIGNATURE_WRAPPING" : "MALFORMED");
      }
      const request = payload[0]!;
      if (request.namespaceURI !== PROTOCOL_NS || request.localName !== "LogoutRequest")
        return refuseLogout("MALFORMED");
      // The LogoutRequest on its own (the serializer keeps the namespaces it uses): its enveloped
      // signature must reference it and be by an IdP certificate of the metadata.
      const xml = new XMLSerializer().serializeToString(request as unknown as Node);
      const doc = parseXml(xml);
      if (!doc) return refuseLogout("MALFORMED");
      const checked = checkLogoutMessage(doc, now);
      if (!checked.ok) return refuseLogout(checked.reason);
      let profile: Profile | null;
      try {
        ({ profile } = await saml.validatePostRequestAsync({
          SAMLRequest: Buffer.from(xml, "utf8").toString("base64"),
        }));
      } catch (error) {
        return refuseLogout(classifyLogoutError(error));
      }
      return logoutRequestOf(checked.root, profile, checked.expiresAt, null);
    },

    async logoutResponseRedirectUrl(requestId, relayState, success) {
      const profile = { ID: requestId } as unknown as Profile;
      return new URL(await saml.getLogoutResponseUrlAsync(profile, relayState ?? "", {}, success));
    },

    soapLogoutResponse(requestId, success) {
      const response = saml._generateLogoutResponse({ ID: requestId } as unknown as Profile, success);
      const body = response.replace(/^<\?xml[^?]*\?>\s*/, "");
      return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;
    },

    async createLogoutRequest(login: SamlLoginReference) {
      if (!settings.idp.sloRedirectUrl) return null;
      const profile = {
        issuer: settings.idp.entityId,
        nameID: login.nameId,
        nameIDFormat: login.nameIdFormat ?? UNSPECIFIED_NAME_ID,
        ...(login.sessionIndex ? { sessionIndex: login.sessionIndex } : {}),
      } as Profile;
      const url = new URL(await saml.getLogoutUrlAsync(profile, "", {}));
      const encoded = url.searchParams.get("SAMLRequest");
      const id = encoded
        ? /\sID="([^"]+)"/.exec(inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8"))?.[1]
        : null;
      if (!id) throw new Error("node-saml built a LogoutRequest without ID");
      return { url, requestId: id };
    },

    async verifyResponse(samlResponse: string): Promise<GarSamlVerification> {
      if (samlResponse.length > (MAX_RESPONSE_BYTES * 4) / 3 + 4) return refuse("MALFORMED");
      const xml = Buffer.from(samlResponse, "base64").toString("utf8");
      if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return refuse("DOCTYPE");
      if (hasForbiddenMarkup(xml)) return refuse("COMMENT_OR_PI");
      const doc = parseXml(xml);
      const root = doc?.documentElement;
      if (!doc || !root || root.namespaceURI !== PROTOCOL_NS || root.localName !== "Response") {
        return refuse("MALFORMED");
      }
      // Signature wrapping hides a second Assertion beside or inside the signed one: one only, anywhere.
      const assertionCount =
        elements(doc, ASSERTION_NS, "Assertion").length + elements(doc, ASSERTION_NS, "EncryptedAssertion").length;
      if (assertionCount > 1) return refuse("SIGNATURE_WRAPPING");
      if (root.getAttribute("Destination") !== urls.acs) return refuse("WRONG_DESTINATION");

      let profile: Profile | null;
      try {
        ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: samlResponse }));
      } catch (error) {
        return refuse(classifyLibraryError(error));
      }
      if (!profile?.getAssertionXml) return refuse("MALFORMED");
      if (profile.issuer !== settings.idp.entityId) return refuse("WRONG_ISSUER");

      // Everything below is read from the signed assertion only (what the signature covered).
      const assertionDoc = parseXml(profile.getAssertionXml());
      const assertion = assertionDoc?.documentElement;
      if (!assertionDoc || !assertion || assertion.localName !== "Assertion") return refuse("MALFORMED");
      const assertionId = assertion.getAttribute("ID");
      const confirmation = elements(assertionDoc, ASSERTION_NS, "SubjectConfirmation").find(
        (element) => element.getAttribute("Method") === BEARER,
      );
      const data = confirmation ? elements(confirmation, ASSERTION_NS, "SubjectConfirmationData")[0] : undefined;
      if (!assertionId || !data) return refuse("MALFORMED");
      if (data.getAttribute("Recipient") !== urls.acs) return refuse("WRONG_DESTINATION");
      const inResponseTo = data.getAttribute("InResponseTo");
      const responseInResponseTo = root.getAttribute("InResponseTo");
      if (!inResponseTo || (responseInResponseTo && responseInResponseTo !== inResponseTo)) {
        return refuse("UNKNOWN_REQUEST");
      }
      const conditions = elements(assertionDoc, ASSERTION_NS, "Conditions")[0];
      const notOnOrAfter = earliest(conditions?.getAttribute("NotOnOrAfter"), data.getAttribute("NotOnOrAfter"));
      // An assertion with no end of validity could be replayed forever once its replay row is pruned.
      if (!notOnOrAfter) return refuse("NOT_IN_VALIDITY_WINDOW");

      const mapped = mapSamlAttributes((profile.attributes ?? {}) as Record<string, unknown>, mapping);
      if (!mapped.ok) return { ok: false, reason: mapped.reason };
      return {
        ok: true,
        identity: mapped.identity,
        inResponseTo,
        // Hashed with the issuer: assertion ids are the IdP's, unique only per IdP.
        assertionKey: createHash("sha256").update(`${profile.issuer}\n${assertionId}`).digest("hex"),
        expiresAt: new Date(notOnOrAfter.getTime() + settings.clockSkewMs),
        login: profile.nameID
          ? {
              nameId: profile.nameID,
              nameIdFormat: profile.nameIDFormat ?? null,
              sessionIndex: profile.sessionIndex ?? null,
            }
          : null,
      };
    },
  };
}

export function garSamlSettingsFromEnv(idp: GarSamlIdp): GarSamlSettings {
  const config = env();
  if (!config.GAR_SAML_SP_KEY || !config.GAR_SAML_SP_CERT) {
    throw new Error("GAR_PROTOCOL=saml needs GAR_SAML_SP_KEY and GAR_SAML_SP_CERT (PEM).");
  }
  return {
    appBaseUrl: config.APP_BASE_URL,
    resourceUrl: config.GAR_RESOURCE_URL ?? new URL("/gar/connexion", config.APP_BASE_URL).toString(),
    // A PEM on one line with literal "\n" (what many hosting panels store) is accepted too.
    spKey: config.GAR_SAML_SP_KEY.replace(/\\n/g, "\n"),
    spCert: config.GAR_SAML_SP_CERT.replace(/\\n/g, "\n"),
    idp,
    clockSkewMs: config.GAR_SAML_CLOCK_SKEW_MS,
    attributeMapping: parseSamlAttributeMapping(config.GAR_SAML_ATTRIBUTE_MAPPING),
  };
}

const globalForSaml = globalThis as unknown as { __garSamlPort?: Promise<GarSamlPort> };

/** The app's SAML port: the IdP metadata is read once per process (and again after a failure). */
export function getGarSamlPort(): Promise<GarSamlPort> {
  globalForSaml.__garSamlPort ??= (async () => {
    const source = env().GAR_SAML_IDP_METADATA;
    if (!source) throw new Error("GAR_PROTOCOL=saml needs GAR_SAML_IDP_METADATA (file path or URL).");
    return createGarSamlPort(garSamlSettingsFromEnv(await loadIdpMetadata(source)));
  })().catch((error: unknown) => {
    globalForSaml.__garSamlPort = undefined;
    throw error;
  });
  return globalForSaml.__garSamlPort;
}
