/**
 * The stand-in's SAML 2.0 IdP (beside its OpenID provider): metadata, the HTTP-Redirect
 * SingleSignOnService (the SP's AuthnRequest signature checked when its certificate is known), and
 * a Response POSTed to the SP's ACS, its Assertion signed with a key generated at start. Pending
 * requests live in memory (a test tool). Development and tests only.
 */
import { createVerify, randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";

import { generateSamlKeyPair, idpMetadataXml, type SamlKeyPair, signedSamlResponse, toBase64 } from "./saml";

export type SamlIdentity = {
  ido: string;
  firstName: string;
  lastName: string;
  uai: string;
  division: string;
  assigned: boolean;
  profile?: string | null;
};

export type SamlAuthnRequest = { id: string; acsUrl: string; issuer: string; relayState: string | null };

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
  responsePage(request: SamlAuthnRequest, identity: SamlIdentity, nonce: string): string;
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

export async function createStandInSamlIdp(options: {
  issuer: string;
  appBaseUrl: string;
  /** The SP's certificate (PEM): when given, unsigned or wrongly signed AuthnRequests are refused. */
  spCert?: string;
}): Promise<StandInSamlIdp> {
  const keys: SamlKeyPair = await generateSamlKeyPair("gar-stand-in-idp");
  const entityId = `${options.issuer}/saml/metadata`;
  const ssoPath = "/saml/sso";
  const expectedAcs = `${options.appBaseUrl}/gar/saml/acs`;
  const expectedSp = `${options.appBaseUrl}/gar/saml/metadata`;
  const parked = new Map<string, SamlAuthnRequest>();

  return {
    entityId,
    ssoPath,
    metadata: () => idpMetadataXml({ entityId, ssoUrl: `${options.issuer}${ssoPath}`, cert: keys.cert }),

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
        const signed = ["SAMLRequest", "RelayState", "SigAlg"]
          .map((name) => rawParam(rawQuery, name))
          .filter((part): part is string => part !== null)
          .join("&");
        const signature = query.get("Signature");
        if (!signature || !/rsa-sha256$/.test(query.get("SigAlg") ?? "")) return "AuthnRequest non signée";
        const verifier = createVerify("RSA-SHA256");
        verifier.update(signed);
        if (!verifier.verify(options.spCert, signature, "base64")) return "Signature de l'AuthnRequest invalide";
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

    responsePage(request, identity, nonce) {
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
          attributes,
          // The GAR's answer when the resource is not assigned to the user.
          status: identity.assigned ? "Success" : "RequestDenied",
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
