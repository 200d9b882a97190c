import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";

import { SAML, SamlStatusError, ValidateInResponseTo, type Profile } from "@node-saml/node-saml";
import { DOMParser } from "@xmldom/xmldom";

import { env } from "@/lib/env";
import { mapSamlAttributes, parseSamlAttributeMapping, type SamlAttributeMapping } from "./domain/gar-claims";
import type { GarSamlPort, GarSamlVerification, SamlRefusalReason } from "./types";

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
/** A GAR Response is a few kilobytes; anything far larger is refused before parsing. */
const MAX_RESPONSE_BYTES = 256 * 1024;

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
    return /RequestDenied|AuthnFailed/.test(error.xmlStatus) ? "ACCESS_DENIED" : "STATUS_NOT_SUCCESS";
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

  return {
    protocol: "saml",
    entityId: urls.entityId,
    hasIdpLogout: settings.idp.sloRedirectUrl !== null,

    async createAuthnRequest() {
      const url = new URL(await saml.getAuthorizeUrlAsync(settings.resourceUrl, undefined, {}));
      return { url, requestId: authnRequestId(url) };
    },

    serviceProviderMetadata() {
      return saml.generateServiceProviderMetadata(settings.spCert, settings.spCert);
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
