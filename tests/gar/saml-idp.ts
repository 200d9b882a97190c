/**
 * The stand-in's SAML 2.0 IdP (beside its OpenID provider): metadata, the HTTP-Redirect
 * SingleSignOnService (the SP's AuthnRequest signature checked when its certificate is known), and
 * a Response POSTed to the SP's ACS, its Assertion signed with a key generated at start. Pending
 * requests live in memory (a test tool). Development and tests only.
 */
import { createVerify, randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";

import { type Profile, SAML, ValidateInResponseTo } from "@node-saml/node-saml";

import {
  generateSamlKeyPair,
  idpMetadataXml,
  type SamlKeyPair,
  signedSamlResponse,
  signSamlElement,
  soapEnvelope,
  toBase64,
} from "./saml";

/** The words of the GAR's refusal for a school without an active subscription to the resource. */
export const NO_SUBSCRIPTION_MESSAGE = "Aucun abonnement actif de l'établissement à cette ressource.";

export type SamlIdentity = {
  ido: string;
  firstName: string;
  lastName: string;
  uai: string;
  division: string;
  assigned: boolean;
  profile?: string | null;
  /** The school has no active subscription to the resource: refused, with the reason in words. */
  unsubscribed?: boolean;
};

export type SamlAuthnRequest = { id: string; acsUrl: string; issuer: string; relayState: string | null };

/** A sign-in the IdP released to the SP: what its LogoutRequest names. */
export type SamlIssuedLogin = { nameId: string; sessionIndex: string };

export type SpLogoutMessage = { kind: "REQUEST" | "RESPONSE"; id: string; relayState: string | null };

export type StandInSamlIdp = {
  entityId: string;
  ssoPath: string;
  metadata(): string;
  /** Parses and checks an HTTP-Redirect AuthnRequest; an error message when it must be refused. */
  readAuthnRequest(query: URLSearchParams, rawQuery: string): SamlAuthnRequest | string;
  /** Keeps a request while the student signs in to the ENT; returns its handle. */
  park(request: SamlAuthnRequest): string;
  unpark(handle: string): SamlAuthnRequest | null;
  /** The auto-posting page that carries the Response to the ACS. */
  responsePage(request: SamlAuthnRequest, identity: SamlIdentity, nonce: string, sessionIndex: string): string;
  sloPath: string;
  /** Front-channel: the SP's SLO URL with our signed LogoutRequest (HTTP-Redirect). */
  logoutRequestUrl(login: SamlIssuedLogin): Promise<string>;
  /** Back-channel: a SOAP envelope holding our signed LogoutRequest, POSTed to the SP's SLO URL. */
  soapLogoutRequest(login: SamlIssuedLogin): Promise<string>;
  /** The SP's SLO URL (where LogoutRequests and LogoutResponses go). */
  spSloUrl: string;
  /** The SP's LogoutRequest or LogoutResponse by HTTP-Redirect; an error message when it must be refused. */
  readSpLogoutMessage(query: URLSearchParams, rawQuery: string): SpLogoutMessage | string;
  /** Our signed LogoutResponse to the SP's LogoutRequest, by HTTP-Redirect. */
  logoutResponseUrl(requestId: string, relayState: string | null): Promise<string>;
};

const STUDENT_PROFILE = "National_elv";

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The raw `name=value` of the query string, as the signature covers it (not re-encoded). */
function rawParam(rawQuery: string, name: string): string | null {
  const part = rawQuery.split("&").find((item) => item.startsWith(`${name}=`));
  return part ?? null;
}

/** Checks the SP's redirect-binding signature (RSA-SHA256) over the raw query parameters. */
function hasValidRedirectSignature(
  query: URLSearchParams,
  rawQuery: string,
  message: "SAMLRequest" | "SAMLResponse",
  cert: string,
): boolean {
  const signed = [message, "RelayState", "SigAlg"]
    .map((name) => rawParam(rawQuery, name))
    .filter((part): part is string => part !== null)
    .join("&");
  const signature = query.get("Signature");
  if (!signature || !/rsa-sha256$/.test(query.get("SigAlg") ?? "")) return false;
  const verifier = createVerify("RSA-SHA256");
  verifier.update(signed);
  return verifier.verify(cert, signature, "base64");
}

export async function createStandInSamlIdp(options: {
  issuer: string;
  appBaseUrl: string;
  /** The SP's certificate (PEM): when given, unsigned or wrongly signed AuthnRequests are refused. */
  spCert?: string;
}): Promise<StandInSamlIdp> {
  const keys: SamlKeyPair = await generateSamlKeyPair("gar-stand-in-idp");
  const entityId = `${options.issuer}/saml/metadata`;
  const ssoPath = "/saml/sso";
  const sloPath = "/saml/slo";
  const expectedAcs = `${options.appBaseUrl}/gar/saml/acs`;
  const expectedSp = `${options.appBaseUrl}/gar/saml/metadata`;
  const spSloUrl = `${options.appBaseUrl}/gar/saml/logout`;
  const parked = new Map<string, SamlAuthnRequest>();
  // node-saml on the IdP side: it builds and signs our LogoutRequests and LogoutResponses.
  const slo = new SAML({
    issuer: entityId,
    callbackUrl: spSloUrl,
    entryPoint: spSloUrl,
    logoutUrl: spSloUrl,
    idpCert: options.spCert ?? keys.cert,
    privateKey: keys.key,
    signatureAlgorithm: "sha256",
    validateInResponseTo: ValidateInResponseTo.never,
    generateUniqueId: () => `_${randomBytes(20).toString("hex")}`,
  });
  const profileOf = (login: SamlIssuedLogin) =>
    ({
      issuer: entityId,
      nameID: login.nameId,
      nameIDFormat: "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
      sessionIndex: login.sessionIndex,
    }) as Profile;

  return {
    entityId,
    ssoPath,
    sloPath,
    spSloUrl,
    metadata: () =>
      idpMetadataXml({
        entityId,
        ssoUrl: `${options.issuer}${ssoPath}`,
        sloUrl: `${options.issuer}${sloPath}`,
        cert: keys.cert,
      }),

    logoutRequestUrl: (login) => slo.getLogoutUrlAsync(profileOf(login), "", {}),

    async soapLogoutRequest(login) {
      const xml = await slo._generateLogoutRequest(profileOf(login));
      return soapEnvelope(signSamlElement(xml, "LogoutRequest", keys));
    },

    readSpLogoutMessage(query, rawQuery) {
      const message = query.get("SAMLRequest") ? "SAMLRequest" : query.get("SAMLResponse") ? "SAMLResponse" : null;
      if (!message) return "SAMLRequest ou SAMLResponse manquant";
      let xml: string;
      try {
        xml = inflateRawSync(Buffer.from(query.get(message)!, "base64")).toString("utf8");
      } catch {
        return "Message illisible";
      }
      if (/<!DOCTYPE/i.test(xml)) return "DOCTYPE refusé";
      const id = /<samlp:Logout(?:Request|Response)[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
      const issuer = /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(xml)?.[1];
      if (!id || issuer !== expectedSp) return "Message de déconnexion incomplet ou d'un SP inconnu";
      if (options.spCert && !hasValidRedirectSignature(query, rawQuery, message, options.spCert)) {
        return "Message de déconnexion non signé ou mal signé";
      }
      return { kind: message === "SAMLRequest" ? "REQUEST" : "RESPONSE", id, relayState: query.get("RelayState") };
    },

    logoutResponseUrl: (requestId, relayState) =>
      slo.getLogoutResponseUrlAsync({ ID: requestId } as unknown as Profile, relayState ?? "", {}, true),

    readAuthnRequest(query, rawQuery) {
      const encoded = query.get("SAMLRequest");
      if (!encoded) return "SAMLRequest manquant";
      let xml: string;
      try {
        xml = inflateRawSync(Buffer.from(encoded, "base64")).toString("utf8");
      } catch {
        return "SAMLRequest illisible";
      }
      if (/<!DOCTYPE/i.test(xml)) return "DOCTYPE refusé";
      const id = /<samlp:AuthnRequest[^>]*\sID="([^"]+)"/.exec(xml)?.[1];
      const acsUrl = /\sAssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1];
      const issuer = /<saml:Issuer[^>]*>([^<]+)<\/saml:Issuer>/.exec(xml)?.[1];
      if (!id || !acsUrl || !issuer) return "AuthnRequest incomplète";
      if (acsUrl !== expectedAcs || issuer !== expectedSp) return "SP ou ACS inconnu du GAR";
      if (options.spCert) {
        if (!query.get("Signature") || !/rsa-sha256$/.test(query.get("SigAlg") ?? "")) return "AuthnRequest non signée";
        if (!hasValidRedirectSignature(query, rawQuery, "SAMLRequest", options.spCert)) {
          return "Signature de l'AuthnRequest invalide";
        }
      }
      return { id, acsUrl, issuer, relayState: query.get("RelayState") };
    },

    park(request) {
      const handle = randomBytes(16).toString("base64url");
      parked.set(handle, request);
      return handle;
    },
    unpark(handle) {
      const request = parked.get(handle) ?? null;
      parked.delete(handle);
      return request;
    },

    responsePage(request, identity, nonce, sessionIndex) {
      const profile = identity.profile === undefined ? STUDENT_PROFILE : identity.profile;
      const attributes: Record<string, string | string[]> = {
        IDO: identity.ido,
        PRE: identity.firstName,
        NOM: identity.lastName,
        ...(identity.uai ? { UAI: identity.uai } : {}),
        ...(profile !== null ? { PRO: profile } : {}),
        ...(identity.division ? { DIV: identity.division } : {}),
      };
      const xml = signedSamlResponse(
        {
          issuer: entityId,
          destination: request.acsUrl,
          audience: request.issuer,
          inResponseTo: request.id,
          nameId: identity.ido,
          sessionIndex,
          attributes,
          // The GAR's answer when the resource is not assigned to the user or the school has no
          // subscription to it; the message tells the two apart, as the OIDC error_description does.
          status: identity.assigned && !identity.unsubscribed ? "Success" : "RequestDenied",
          ...(identity.unsubscribed ? { statusMessage: NO_SUBSCRIPTION_MESSAGE } : {}),
        },
        keys,
      );
      const relayState = request.relayState
        ? `<input type="hidden" name="RelayState" value="${escapeHtml(request.relayState)}">`
        : "";
      return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>GAR : redirection</title></head><body>
<form id="saml" method="post" action="${escapeHtml(request.acsUrl)}"><input type="hidden" name="SAMLResponse" value="${toBase64(xml)}">${relayState}<noscript><button type="submit">Continuer vers la ressource</button></noscript></form>
<script nonce="${nonce}">document.getElementById("saml").submit();</script></body></html>`;
    },
  };
}
