/**
 * SAML 2.0 building blocks of the GAR stand-in's IdP, also used by the tests to forge the
 * Responses the app must refuse: a key pair generated at start (never committed), IdP metadata,
 * and Responses signed with xml-crypto the way a real IdP signs them (enveloped, exclusive c14n,
 * RSA-SHA256, signature right after the Issuer). Development and tests only.
 */
import { randomBytes, sign } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import { generate } from "selfsigned";
import { SignedXml } from "xml-crypto";

export type SamlKeyPair = { key: string; cert: string };

export async function generateSamlKeyPair(commonName: string): Promise<SamlKeyPair> {
  const pems = await generate([{ name: "commonName", value: commonName }], {
    keySize: 2048,
    algorithm: "sha256",
  });
  return { key: pems.private, cert: pems.cert };
}

/** The certificate's base64 body, as metadata and KeyInfo carry it. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "").replace(/\s+/g, "");
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function idpMetadataXml(options: { entityId: string; ssoUrl: string; sloUrl?: string; cert: string }): string {
  const slo = options.sloUrl
    ? `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(options.sloUrl)}"/>`
    : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(options.entityId)}">
  <md:IDPSSODescriptor WantAuthnRequestsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(options.cert)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    ${slo}
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(options.ssoUrl)}"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
}

export type SamlResponseOptions = {
  issuer: string;
  /** Our ACS URL: the Response's Destination and the SubjectConfirmationData's Recipient. */
  destination: string;
  recipient?: string;
  /** The SP entityID. */
  audience: string;
  inResponseTo: string | null;
  /** Set on the Response element; defaults to `inResponseTo`. */
  responseInResponseTo?: string | null;
  nameId: string;
  attributes: Record<string, string | string[]>;
  now?: Date;
  notBefore?: Date;
  notOnOrAfter?: Date;
  assertionId?: string;
  /** `Success` unless told; `RequestDenied` → a Responder/RequestDenied Response without assertion. */
  status?: "Success" | "RequestDenied" | "Requester";
  /** A `StatusMessage` beside a non-success status (the GAR says why it refused in words). */
  statusMessage?: string;
  sessionIndex?: string;
};

const newId = () => `_${randomBytes(16).toString("hex")}`;

export function samlAssertionXml(options: SamlResponseOptions): string {
  const now = options.now ?? new Date();
  const notBefore = (options.notBefore ?? new Date(now.getTime() - 60_000)).toISOString();
  const notOnOrAfter = (options.notOnOrAfter ?? new Date(now.getTime() + 5 * 60_000)).toISOString();
  const inResponseTo = options.inResponseTo === null ? "" : ` InResponseTo="${escapeXml(options.inResponseTo)}"`;
  const attributes = Object.entries(options.attributes)
    .map(([name, value]) => {
      const values = (Array.isArray(value) ? value : [value])
        .map((item) => `<saml:AttributeValue xsi:type="xs:string">${escapeXml(item)}</saml:AttributeValue>`)
        .join("");
      return `<saml:Attribute Name="${escapeXml(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${values}</saml:Attribute>`;
    })
    .join("");
  return `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="${options.assertionId ?? newId()}" Version="2.0" IssueInstant="${now.toISOString()}"><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${escapeXml(options.nameId)}</saml:NameID><saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter}" Recipient="${escapeXml(options.recipient ?? options.destination)}"${inResponseTo}/></saml:SubjectConfirmation></saml:Subject><saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${escapeXml(options.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions><saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${escapeXml(options.sessionIndex ?? newId())}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement><saml:AttributeStatement>${attributes}</saml:AttributeStatement></saml:Assertion>`;
}

/** Signs the first element with `localName` (Assertion, Response, LogoutRequest), the signature after its Issuer. */
export function signSamlElement(
  xml: string,
  localName: "Assertion" | "Response" | "LogoutRequest",
  keyPair: SamlKeyPair,
): string {
  const signer = new SignedXml({
    privateKey: keyPair.key,
    publicCert: keyPair.cert,
    signatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    canonicalizationAlgorithm: "http://www.w3.org/2001/10/xml-exc-c14n#",
  });
  signer.addReference({
    xpath: `//*[local-name(.)='${localName}']`,
    transforms: ["http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#"],
    digestAlgorithm: "http://www.w3.org/2001/04/xmlenc#sha256",
  });
  signer.computeSignature(xml, {
    prefix: "ds",
    location: { reference: `//*[local-name(.)='${localName}']/*[local-name(.)='Issuer']`, action: "after" },
  });
  return signer.getSignedXml();
}

/** Wraps an assertion (signed or not) in a Response. */
export function samlResponseXml(options: SamlResponseOptions, assertion: string | null): string {
  const now = options.now ?? new Date();
  const status = options.status ?? "Success";
  const statusXml =
    status === "Success"
      ? `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/>`
      : `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${status === "RequestDenied" ? "Responder" : "Requester"}">${
          status === "RequestDenied"
            ? `<samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:RequestDenied"/>`
            : ""
        }</samlp:StatusCode>${
          options.statusMessage ? `<samlp:StatusMessage>${escapeXml(options.statusMessage)}</samlp:StatusMessage>` : ""
        }`;
  const inResponseTo = options.responseInResponseTo === undefined ? options.inResponseTo : options.responseInResponseTo;
  const inResponseToAttribute = inResponseTo === null ? "" : ` InResponseTo="${escapeXml(inResponseTo)}"`;
  return `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${now.toISOString()}" Destination="${escapeXml(options.destination)}"${inResponseToAttribute}><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><samlp:Status>${statusXml}</samlp:Status>${assertion ?? ""}</samlp:Response>`;
}

/** The usual IdP answer: a Response whose Assertion is signed (none when the status is not Success). */
export function signedSamlResponse(options: SamlResponseOptions, keyPair: SamlKeyPair): string {
  const success = (options.status ?? "Success") === "Success";
  const assertion = success ? signSamlElement(samlAssertionXml(options), "Assertion", keyPair) : null;
  return samlResponseXml(options, assertion);
}

/** A SOAP 1.1 envelope around a (signed) SAML message: the GAR's back-channel logout. */
export function soapEnvelope(xml: string): string {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  return `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>${body}</soap:Body></soap:Envelope>`;
}

export function toBase64(xml: string): string {
  return Buffer.from(xml, "utf8").toString("base64");
}

export type LogoutRequestOptions = {
  issuer: string;
  /** The SP's SLO URL; null leaves the attribute out. */
  destination: string | null;
  nameId: string;
  sessionIndexes?: string[];
  id?: string;
  issueInstant?: Date;
};

/** A LogoutRequest as an IdP sends it (tests forge the ones the SP must refuse). */
export function logoutRequestXml(options: LogoutRequestOptions): string {
  const destination = options.destination === null ? "" : ` Destination="${escapeXml(options.destination)}"`;
  const indexes = (options.sessionIndexes ?? [])
    .map((index) => `<samlp:SessionIndex>${escapeXml(index)}</samlp:SessionIndex>`)
    .join("");
  return `<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${options.id ?? newId()}" Version="2.0" IssueInstant="${(options.issueInstant ?? new Date()).toISOString()}"${destination}><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><saml:NameID Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient">${escapeXml(options.nameId)}</saml:NameID>${indexes}</samlp:LogoutRequest>`;
}

/** A LogoutResponse as an IdP sends it to our LogoutRequest. */
export function logoutResponseXml(options: {
  issuer: string;
  destination: string;
  inResponseTo: string;
  status?: "Success" | "Requester";
}): string {
  return `<samlp:LogoutResponse xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${escapeXml(options.destination)}" InResponseTo="${escapeXml(options.inResponseTo)}"><saml:Issuer>${escapeXml(options.issuer)}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:${options.status ?? "Success"}"/></samlp:Status></samlp:LogoutResponse>`;
}

/**
 * The HTTP-Redirect binding's query string: the message deflated and base64'd, then (unless
 * `keyPair` is null) SigAlg and the RSA-SHA256 Signature over `message&RelayState&SigAlg`.
 */
export function redirectBindingQuery(
  xml: string,
  message: "SAMLRequest" | "SAMLResponse",
  keyPair: SamlKeyPair | null,
  relayState?: string,
): string {
  const parts = [`${message}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, "utf8")).toString("base64"))}`];
  if (relayState !== undefined) parts.push(`RelayState=${encodeURIComponent(relayState)}`);
  if (!keyPair) return parts.join("&");
  parts.push(`SigAlg=${encodeURIComponent("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")}`);
  const signature = sign("RSA-SHA256", Buffer.from(parts.join("&"), "utf8"), keyPair.key).toString("base64");
  return `${parts.join("&")}&Signature=${encodeURIComponent(signature)}`;
}
