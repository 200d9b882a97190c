import { inflateRawSync } from "node:zlib";

import { encrypt } from "xml-encryption";
import { beforeAll, describe, expect, it } from "vitest";

import {
  generateSamlKeyPair,
  idpMetadataXml,
  type LogoutRequestOptions,
  logoutRequestXml,
  logoutResponseXml,
  redirectBindingQuery,
  type SamlKeyPair,
  type SamlResponseOptions,
  samlAssertionXml,
  samlResponseXml,
  signedSamlResponse,
  signSamlElement,
  soapEnvelope,
  toBase64,
} from "../../../tests/gar/saml";
import { NO_SUBSCRIPTION_MESSAGE } from "../../../tests/gar/saml-idp";
import { createGarSamlPort, garSamlUrls, parseIdpMetadata } from "./saml-client";
import type { GarSamlPort } from "./types";

const APP = "https://pix.example.test";
const IDP = "https://idp-gar.example.test/idp";
const urls = garSamlUrls(APP);
const ido = "c0ffee".repeat(10);
const attributes = {
  IDO: ido,
  PRE: "Chloé",
  NOM: "MOREAU",
  UAI: ["0999001W", "0999002X"],
  PRO: "National_elv",
  DIV: ["5EA##5E A"],
  MEL: "chloe@example.test",
};

let idpKeys: SamlKeyPair;
let otherKeys: SamlKeyPair;
let spKeys: SamlKeyPair;
let port: GarSamlPort;
/** The same SP, with an IdP whose metadata publishes a SingleLogoutService. */
let sloPort: GarSamlPort;

function options(overrides: Partial<SamlResponseOptions> = {}): SamlResponseOptions {
  return {
    issuer: IDP,
    destination: urls.acs,
    audience: urls.entityId,
    inResponseTo: "_request-1",
    nameId: ido,
    attributes,
    ...overrides,
  };
}

const verify = (xml: string) => port.verifyResponse(toBase64(xml));

beforeAll(async () => {
  [idpKeys, otherKeys, spKeys] = await Promise.all([
    generateSamlKeyPair("idp"),
    generateSamlKeyPair("other"),
    generateSamlKeyPair("sp"),
  ]);
  const idp = parseIdpMetadata(idpMetadataXml({ entityId: IDP, ssoUrl: `${IDP}/sso`, cert: idpKeys.cert }));
  port = createGarSamlPort({
    appBaseUrl: APP,
    resourceUrl: `${APP}/gar/connexion`,
    spKey: spKeys.key,
    spCert: spKeys.cert,
    idp,
    clockSkewMs: 120_000,
  });
  sloPort = createGarSamlPort({
    appBaseUrl: APP,
    resourceUrl: `${APP}/gar/connexion`,
    spKey: spKeys.key,
    spCert: spKeys.cert,
    idp: parseIdpMetadata(
      idpMetadataXml({ entityId: IDP, ssoUrl: `${IDP}/sso`, sloUrl: `${IDP}/slo`, cert: idpKeys.cert }),
    ),
    clockSkewMs: 120_000,
  });
}, 60_000);

describe("SAML adapter: a valid Response", () => {
  it("gives the identity (mapped attributes only), the request it answers and a replay key", async () => {
    const result = await verify(signedSamlResponse(options(), idpKeys));
    expect(result).toMatchObject({
      ok: true,
      inResponseTo: "_request-1",
      identity: {
        garId: ido,
        firstName: "Chloé",
        lastName: "MOREAU",
        uais: ["0999001W", "0999002X"],
        profile: "National_elv",
        divisions: [{ code: "5EA", label: "5E A" }],
      },
    });
    expect(JSON.stringify(result)).not.toContain("chloe@example.test");
    if (result.ok) expect(result.assertionKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a signed Response holding one unsigned Assertion", async () => {
    const xml = signSamlElement(samlResponseXml(options(), samlAssertionXml(options())), "Response", idpKeys);
    expect((await verify(xml)).ok).toBe(true);
  });

  it("builds a signed AuthnRequest by HTTP-Redirect with the resource URL as RelayState", async () => {
    const { url, requestId } = await port.createAuthnRequest();
    expect(url.origin + url.pathname).toBe(`${IDP}/sso`);
    expect(url.searchParams.get("RelayState")).toBe(`${APP}/gar/connexion`);
    expect(url.searchParams.get("SigAlg")).toContain("rsa-sha256");
    expect(url.searchParams.get("Signature")).toBeTruthy();
    expect(requestId).toMatch(/^_[0-9a-f]{40}$/);
  });

  it("publishes SP metadata whose entityID is its own URL, with the ACS", () => {
    const xml = port.serviceProviderMetadata();
    expect(xml).toContain(`entityID="${urls.entityId}"`);
    expect(xml).toContain(`Location="${urls.acs}"`);
    expect(xml).toContain(
      `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${urls.slo}"/>`,
    );
    expect(xml).toContain(
      `<SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="${urls.slo}"/>`,
    );
    expect(xml).not.toContain('bindings:HTTP-POST" Location="' + urls.slo);
  });
});

describe("SAML adapter: refusals", () => {
  it("refuses an unsigned assertion", async () => {
    expect(await verify(samlResponseXml(options(), samlAssertionXml(options())))).toEqual({
      ok: false,
      reason: "SIGNATURE_INVALID",
    });
  });

  it("refuses an assertion signed by another key", async () => {
    expect(await verify(signedSamlResponse(options(), otherKeys))).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
  });

  it("refuses a signed assertion whose content was altered", async () => {
    const xml = signedSamlResponse(options(), idpKeys).replace("MOREAU", "DUPONT");
    expect(await verify(xml)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
  });

  it("refuses signature wrapping: a second, unsigned Assertion beside the signed one", async () => {
    const signed = signSamlElement(samlAssertionXml(options()), "Assertion", idpKeys);
    const forged = samlAssertionXml(options({ attributes: { ...attributes, IDO: "f".repeat(60) } }));
    expect(await verify(samlResponseXml(options(), forged + signed))).toEqual({
      ok: false,
      reason: "SIGNATURE_WRAPPING",
    });
  });

  it("refuses signature wrapping: an unsigned Assertion inside the signed one", async () => {
    const signed = signSamlElement(samlAssertionXml(options()), "Assertion", idpKeys);
    const forged = samlAssertionXml(options({ attributes: { ...attributes, IDO: "f".repeat(60) } }));
    const wrapped = signed.replace("</saml:Assertion>", `${forged}</saml:Assertion>`);
    expect(await verify(samlResponseXml(options(), wrapped))).toEqual({ ok: false, reason: "SIGNATURE_WRAPPING" });
  });

  it("refuses the signed assertion moved into a wrapper with a forged one in its place", async () => {
    const signed = signSamlElement(samlAssertionXml(options()), "Assertion", idpKeys);
    const forged = samlAssertionXml(options({ attributes: { ...attributes, IDO: "f".repeat(60) } }));
    const response = samlResponseXml(options(), forged).replace(
      "</samlp:Status>",
      `</samlp:Status><samlp:Extensions>${signed}</samlp:Extensions>`,
    );
    expect((await verify(response)).ok).toBe(false);
  });

  it("refuses a comment inserted in the NameID or the IDO (signature still valid after c14n)", async () => {
    const signed = signedSamlResponse(options({ attributes: { ...attributes, IDO: `${ido}.evil` } }), idpKeys);
    const commented = signed.replace(`${ido}.evil</saml:AttributeValue>`, `${ido}<!---->.evil</saml:AttributeValue>`);
    expect(commented).not.toBe(signed);
    expect(await verify(commented)).toEqual({ ok: false, reason: "COMMENT_OR_PI" });
    const inNameId = signedSamlResponse(options(), idpKeys).replace(
      `${ido}</saml:NameID>`,
      `${ido}<!-- x --></saml:NameID>`,
    );
    expect(await verify(inNameId)).toEqual({ ok: false, reason: "COMMENT_OR_PI" });
  });

  it("refuses an expired assertion and a not yet valid one (beyond the 2-minute skew)", async () => {
    const now = Date.now();
    const expired = options({ now: new Date(now - 10 * 60_000), notOnOrAfter: new Date(now - 121_000) });
    expect(await verify(signedSamlResponse(expired, idpKeys))).toEqual({ ok: false, reason: "NOT_IN_VALIDITY_WINDOW" });
    const early = options({ notBefore: new Date(now + 125_000) });
    expect(await verify(signedSamlResponse(early, idpKeys))).toEqual({ ok: false, reason: "NOT_IN_VALIDITY_WINDOW" });
  });

  it("accepts validity edges within the skew", async () => {
    const now = Date.now();
    const late = options({ now: new Date(now - 10 * 60_000), notOnOrAfter: new Date(now - 100_000) });
    expect((await verify(signedSamlResponse(late, idpKeys))).ok).toBe(true);
    const early = options({ notBefore: new Date(now + 100_000) });
    expect((await verify(signedSamlResponse(early, idpKeys))).ok).toBe(true);
  });

  it("refuses a wrong audience", async () => {
    const xml = signedSamlResponse(options({ audience: "https://other-sp.example.test/metadata" }), idpKeys);
    expect(await verify(xml)).toEqual({ ok: false, reason: "WRONG_AUDIENCE" });
  });

  it("refuses a wrong Destination, and a wrong Recipient in the signed assertion", async () => {
    const destination = signedSamlResponse(options(), idpKeys).replace(
      `Destination="${urls.acs}"`,
      `Destination="https://other-sp.example.test/acs"`,
    );
    expect(await verify(destination)).toEqual({ ok: false, reason: "WRONG_DESTINATION" });
    const recipient = signedSamlResponse(options({ recipient: "https://other-sp.example.test/acs" }), idpKeys);
    expect(await verify(recipient)).toEqual({ ok: false, reason: "WRONG_DESTINATION" });
  });

  it("refuses a Response without InResponseTo, or whose Response InResponseTo differs from the signed one", async () => {
    expect(await verify(signedSamlResponse(options({ inResponseTo: null }), idpKeys))).toEqual({
      ok: false,
      reason: "UNKNOWN_REQUEST",
    });
    const swapped = signedSamlResponse(options({ responseInResponseTo: "_other-request" }), idpKeys);
    expect(await verify(swapped)).toEqual({ ok: false, reason: "UNKNOWN_REQUEST" });
  });

  it("refuses a non-success status; RequestDenied is the GAR's access denied", async () => {
    expect(await verify(signedSamlResponse(options({ status: "Requester" }), idpKeys))).toEqual({
      ok: false,
      reason: "STATUS_NOT_SUCCESS",
    });
    expect(await verify(signedSamlResponse(options({ status: "RequestDenied" }), idpKeys))).toEqual({
      ok: false,
      reason: "ACCESS_DENIED",
    });
    const noSubscription = options({ status: "RequestDenied", statusMessage: NO_SUBSCRIPTION_MESSAGE });
    expect(await verify(signedSamlResponse(noSubscription, idpKeys))).toEqual({ ok: false, reason: "NO_SUBSCRIPTION" });
  });

  it("refuses a DOCTYPE", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]>${signedSamlResponse(options(), idpKeys)}`;
    expect(await verify(xml)).toEqual({ ok: false, reason: "DOCTYPE" });
  });

  it("refuses an assertion from another issuer signed by the IdP key", async () => {
    const xml = signedSamlResponse(options({ issuer: "https://someone-else.example.test" }), idpKeys);
    expect(await verify(xml)).toEqual({ ok: false, reason: "WRONG_ISSUER" });
  });

  it("refuses garbage", async () => {
    expect(await port.verifyResponse("not base64 xml")).toEqual({ ok: false, reason: "MALFORMED" });
  });

  it("refuses a staff profile and a missing profile, reads typProfil case-insensitively", async () => {
    const teacher = signedSamlResponse(options({ attributes: { ...attributes, PRO: "National_ens" } }), idpKeys);
    expect(await verify(teacher)).toEqual({ ok: false, reason: "NOT_A_STUDENT" });
    const { PRO: _dropped, ...withoutProfile } = attributes;
    expect(await verify(signedSamlResponse(options({ attributes: withoutProfile }), idpKeys))).toEqual({
      ok: false,
      reason: "MISSING_PROFILE",
    });
    const typProfil = signedSamlResponse(
      options({ attributes: { ...withoutProfile, typProfil: "NATIONAL_ELV" } }),
      idpKeys,
    );
    expect(await verify(typProfil)).toMatchObject({ ok: true, identity: { profile: "NATIONAL_ELV" } });
  });
});

/** The assertion encrypted for `cert` (xml-encryption, as an IdP does: AES-256-CBC, RSA-OAEP). */
function encryptAssertion(assertion: string, cert: string): Promise<string> {
  return new Promise((resolve, reject) =>
    encrypt(
      assertion,
      {
        rsa_pub: cert,
        pem: cert,
        encryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#aes256-cbc",
        keyEncryptionAlgorithm: "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  ).then(
    (data) =>
      `<saml:EncryptedAssertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${data}</saml:EncryptedAssertion>`,
  );
}

describe("SAML adapter: encrypted assertions", () => {
  it("decrypts an assertion the IdP encrypted with the SP certificate, and accepts it", async () => {
    const signed = signSamlElement(samlAssertionXml(options()), "Assertion", idpKeys);
    const xml = samlResponseXml(options(), await encryptAssertion(signed, spKeys.cert));
    expect(xml).not.toContain("MOREAU");
    expect(await verify(xml)).toMatchObject({ ok: true, identity: { garId: ido, lastName: "MOREAU" } });
  });

  it("refuses an assertion encrypted for another certificate, and an encrypted unsigned one", async () => {
    const signed = signSamlElement(samlAssertionXml(options()), "Assertion", idpKeys);
    const forOther = samlResponseXml(options(), await encryptAssertion(signed, otherKeys.cert));
    expect(await verify(forOther)).toMatchObject({ ok: false });
    const unsigned = samlResponseXml(options(), await encryptAssertion(samlAssertionXml(options()), spKeys.cert));
    expect(await verify(unsigned)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
  });
});

describe("SAML adapter: single logout", () => {
  const logout = (overrides: Partial<LogoutRequestOptions> = {}) =>
    logoutRequestXml({ issuer: IDP, destination: urls.slo, nameId: ido, sessionIndexes: ["_s1"], ...overrides });
  const redirect = (xml: string, keys: SamlKeyPair | null = idpKeys, relayState?: string) =>
    sloPort.readLogoutRedirect(redirectBindingQuery(xml, "SAMLRequest", keys, relayState));

  it("reads a LogoutRequest by HTTP-Redirect signed by the IdP: NameID, SessionIndexes, a replay key", async () => {
    const result = await redirect(logout({ id: "_logout-1", sessionIndexes: ["_s1", "_s2"] }), idpKeys, "rs");
    expect(result).toMatchObject({
      ok: true,
      kind: "REQUEST",
      requestId: "_logout-1",
      nameId: ido,
      sessionIndexes: ["_s1", "_s2"],
      relayState: "rs",
    });
    if (result.ok && result.kind === "REQUEST") {
      expect(result.requestKey).toMatch(/^[0-9a-f]{64}$/);
      expect(result.expiresAt.getTime()).toBeGreaterThan(Date.now());
    }
  });

  it("refuses an unsigned redirect LogoutRequest (node-saml alone would accept it)", async () => {
    expect(await redirect(logout(), null)).toEqual({ ok: false, reason: "UNSIGNED" });
    // A Signature without SigAlg is no better.
    const query = redirectBindingQuery(logout(), "SAMLRequest", idpKeys).replace(/&SigAlg=[^&]*/, "");
    expect(await sloPort.readLogoutRedirect(query)).toEqual({ ok: false, reason: "UNSIGNED" });
  });

  it("refuses a redirect LogoutRequest signed by another key, or altered after signing", async () => {
    expect(await redirect(logout(), otherKeys)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
    const signed = redirectBindingQuery(logout(), "SAMLRequest", idpKeys, "a");
    expect(await sloPort.readLogoutRedirect(signed.replace("RelayState=a", "RelayState=b"))).toEqual({
      ok: false,
      reason: "SIGNATURE_INVALID",
    });
    const other = redirectBindingQuery(logout({ nameId: "someone-else" }), "SAMLRequest", null);
    const swapped = signed.replace(/^SAMLRequest=[^&]*/, other);
    expect(await sloPort.readLogoutRedirect(swapped)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
  });

  it("refuses a duplicated parameter, a SHA-1 signature, a DOCTYPE", async () => {
    const query = redirectBindingQuery(logout(), "SAMLRequest", idpKeys);
    expect(await sloPort.readLogoutRedirect(`${query}&SAMLRequest=x`)).toEqual({ ok: false, reason: "MALFORMED" });
    const sha1 = query.replace(encodeURIComponent("xmldsig-more#rsa-sha256"), encodeURIComponent("xmldsig#rsa-sha1"));
    expect(await sloPort.readLogoutRedirect(sha1)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
    expect(await redirect(`<!DOCTYPE x [<!ENTITY e "x">]>${logout()}`)).toEqual({ ok: false, reason: "DOCTYPE" });
  });

  it("refuses another issuer, another destination, a request too old or from the future", async () => {
    expect(await redirect(logout({ issuer: "https://other.example.test" }))).toEqual({
      ok: false,
      reason: "WRONG_ISSUER",
    });
    expect(await redirect(logout({ destination: "https://evil.example.test/slo" }))).toEqual({
      ok: false,
      reason: "WRONG_DESTINATION",
    });
    const old = new Date(Date.now() - 8 * 60_000);
    expect(await redirect(logout({ issueInstant: old }))).toEqual({ ok: false, reason: "NOT_IN_VALIDITY_WINDOW" });
    const future = new Date(Date.now() + 3 * 60_000);
    expect(await redirect(logout({ issueInstant: future }))).toEqual({ ok: false, reason: "NOT_IN_VALIDITY_WINDOW" });
  });

  it("reads a signed LogoutRequest in a SOAP envelope (the GAR's back-channel)", async () => {
    const envelope = soapEnvelope(signSamlElement(logout({ id: "_soap-1" }), "LogoutRequest", idpKeys));
    expect(await sloPort.readLogoutSoap(envelope)).toMatchObject({
      ok: true,
      kind: "REQUEST",
      requestId: "_soap-1",
      nameId: ido,
      sessionIndexes: ["_s1"],
    });
  });

  it("refuses a SOAP LogoutRequest unsigned, signed by another key, altered, or wrapped beside another", async () => {
    expect(await sloPort.readLogoutSoap(soapEnvelope(logout()))).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
    const byOther = soapEnvelope(signSamlElement(logout(), "LogoutRequest", otherKeys));
    expect(await sloPort.readLogoutSoap(byOther)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
    const signed = signSamlElement(logout(), "LogoutRequest", idpKeys);
    const altered = soapEnvelope(signed.replace(ido, "someone-else"));
    expect(await sloPort.readLogoutSoap(altered)).toEqual({ ok: false, reason: "SIGNATURE_INVALID" });
    const wrapped = soapEnvelope(`${logout({ nameId: "victim" })}${signed}`);
    expect(await sloPort.readLogoutSoap(wrapped)).toEqual({ ok: false, reason: "SIGNATURE_WRAPPING" });
    const comment = soapEnvelope(signed.replace(`>${ido}<`, `>${ido}<!---->x<`));
    expect(await sloPort.readLogoutSoap(comment)).toEqual({ ok: false, reason: "COMMENT_OR_PI" });
  });

  it("reads the IdP's signed LogoutResponse to ours; refuses it unsigned or not a success", async () => {
    const response = (status?: "Success" | "Requester") =>
      logoutResponseXml({ issuer: IDP, destination: urls.slo, inResponseTo: "_ours", status });
    const query = (xml: string, keys: SamlKeyPair | null) => redirectBindingQuery(xml, "SAMLResponse", keys);
    expect(await sloPort.readLogoutRedirect(query(response(), idpKeys))).toEqual({
      ok: true,
      kind: "RESPONSE",
      inResponseTo: "_ours",
      relayState: null,
    });
    expect(await sloPort.readLogoutRedirect(query(response(), null))).toEqual({ ok: false, reason: "UNSIGNED" });
    expect(await sloPort.readLogoutRedirect(query(response("Requester"), idpKeys))).toEqual({
      ok: false,
      reason: "STATUS_NOT_SUCCESS",
    });
  });

  it("builds our LogoutRequest (signed, by redirect to the IdP's SLO) only when the IdP publishes one", async () => {
    const login = { nameId: ido, nameIdFormat: null, sessionIndex: "_s1" };
    expect(await port.createLogoutRequest(login)).toBeNull();
    const request = await sloPort.createLogoutRequest(login);
    expect(request!.url.origin + request!.url.pathname).toBe(`${IDP}/slo`);
    expect(request!.url.searchParams.get("Signature")).toBeTruthy();
    const xml = inflateRawSync(Buffer.from(request!.url.searchParams.get("SAMLRequest")!, "base64")).toString("utf8");
    expect(xml).toContain(`ID="${request!.requestId}"`);
    expect(xml).toContain(ido);
    expect(xml).toContain("_s1");
    expect(xml).toContain(`<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${urls.entityId}`);
  });

  it("answers a LogoutResponse: by signed redirect to the IdP, or in a SOAP envelope", async () => {
    const url = await sloPort.logoutResponseRedirectUrl("_req", "rs", true);
    expect(url.origin + url.pathname).toBe(`${IDP}/slo`);
    expect(url.searchParams.get("RelayState")).toBe("rs");
    expect(url.searchParams.get("Signature")).toBeTruthy();
    const soap = sloPort.soapLogoutResponse("_req", false);
    expect(soap).toContain("soap:Envelope");
    expect(soap).toContain('InResponseTo="_req"');
    expect(soap).toContain("UnknownPrincipal");
  });
});
