import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { createSessionRecord } from "@/lib/session-store";
import { createGarStudentUser } from "../../../tests/factories/learners";
import { BrowserLikeClient } from "../../../tests/gar/http-client";
import {
  generateSamlKeyPair,
  idpMetadataXml,
  logoutRequestXml,
  logoutResponseXml,
  redirectBindingQuery,
  type SamlKeyPair,
  type SamlResponseOptions,
  signedSamlResponse,
  signSamlElement,
  soapEnvelope,
  toBase64,
} from "../../../tests/gar/saml";
import { type GarStandIn, startGarStandIn } from "../../../tests/gar/stand-in";
import { findFixtureStudent, fixtureStudents } from "../../../tests/gar/students";
import { SubscriptionStore } from "../../../tests/gar/subscription-service";
import {
  attachGarSamlLogin,
  completeGarSamlLogout,
  completeGarSamlSignIn,
  GAR_SIGN_IN_REQUEST_TTL_MS,
  handleGarSamlLogoutRequest,
  startGarSamlLogout,
  startGarSamlSignIn,
} from "./mutations";
import { createGarSamlPort, garSamlUrls, loadIdpMetadata, parseIdpMetadata } from "./saml-client";
import type { GarSamlPort } from "./types";

const APP = "http://localhost:39997";
const IDP = "http://localhost:39996/saml/metadata";
const urls = garSamlUrls(APP);
const ido = "5a3d".repeat(16);
const attributes = { IDO: ido, PRE: "Côme", NOM: "MÜLLER", UAI: "0999001W", PRO: "national_ELV", DIV: "6EB##6E B" };

let idpKeys: SamlKeyPair;
let gar: GarSamlPort;

beforeAll(async () => {
  const [idp, sp] = await Promise.all([generateSamlKeyPair("idp"), generateSamlKeyPair("sp")]);
  idpKeys = idp;
  gar = createGarSamlPort({
    appBaseUrl: APP,
    resourceUrl: `${APP}/gar/connexion`,
    spKey: sp.key,
    spCert: sp.cert,
    idp: parseIdpMetadata(
      idpMetadataXml({
        entityId: IDP,
        ssoUrl: "http://localhost:39996/saml/sso",
        sloUrl: "http://localhost:39996/saml/slo",
        cert: idp.cert,
      }),
    ),
    clockSkewMs: 120_000,
  });
}, 60_000);

function response(inResponseTo: string, overrides: Partial<SamlResponseOptions> = {}): string {
  return toBase64(
    signedSamlResponse(
      {
        issuer: IDP,
        destination: urls.acs,
        audience: urls.entityId,
        inResponseTo,
        nameId: ido,
        attributes,
        ...overrides,
      },
      idpKeys,
    ),
  );
}

async function expectRefused(promise: Promise<unknown>, code = "GAR_ASSERTION_REFUSED") {
  await expect(promise).rejects.toMatchObject({ code });
}

describe("SAML ACS (completeGarSamlSignIn) against PostgreSQL", () => {
  it("turns a valid Response into a pending identity, with the return path of its request", async () => {
    const { requestId, authorizationUrl } = await startGarSamlSignIn({ gar, returnTo: "/campagnes/ABC123" });
    expect(authorizationUrl.searchParams.get("SAMLRequest")).toBeTruthy();
    const outcome = await completeGarSamlSignIn({ gar, samlResponse: response(requestId) });
    expect(outcome).toMatchObject({
      kind: "PENDING",
      returnTo: "/campagnes/ABC123",
      identity: { garId: ido, firstName: "Côme", uais: ["0999001W"] },
    });
    if (outcome.kind === "PENDING") {
      expect(await prisma.garPendingIdentity.count({ where: { id: outcome.pendingIdentityId } })).toBe(1);
    }
    expect(await prisma.garSamlRequest.findUnique({ where: { id: requestId } })).toMatchObject({
      consumedAt: expect.any(Date),
    });
    expect(await prisma.garSamlAssertion.count()).toBe(1);
  });

  it("signs in a known IDO", async () => {
    const user = await createGarStudentUser({ garId: ido, firstName: "Côme", lastName: "MÜLLER" });
    const { requestId } = await startGarSamlSignIn({ gar });
    expect(await completeGarSamlSignIn({ gar, samlResponse: response(requestId) })).toMatchObject({
      kind: "SIGNED_IN",
      userId: user.id,
    });
  });

  it("refuses the same assertion twice (its request is used, its id is known)", async () => {
    const { requestId } = await startGarSamlSignIn({ gar });
    const samlResponse = response(requestId);
    await completeGarSamlSignIn({ gar, samlResponse });
    await expectRefused(completeGarSamlSignIn({ gar, samlResponse }));
    expect(await prisma.garPendingIdentity.count()).toBe(1);
  });

  it("refuses a replayed assertion id even under a fresh request", async () => {
    const first = await startGarSamlSignIn({ gar });
    const second = await startGarSamlSignIn({ gar });
    await completeGarSamlSignIn({ gar, samlResponse: response(first.requestId, { assertionId: "_same-id" }) });
    await expectRefused(
      completeGarSamlSignIn({ gar, samlResponse: response(second.requestId, { assertionId: "_same-id" }) }),
    );
    // The refused attempt rolled back: the second request can still be answered by a new assertion.
    expect((await prisma.garSamlRequest.findUnique({ where: { id: second.requestId } }))?.consumedAt).toBeNull();
  });

  it("of 10 parallel POSTs of one assertion, exactly one is accepted", async () => {
    const { requestId } = await startGarSamlSignIn({ gar });
    const samlResponse = response(requestId);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => completeGarSamlSignIn({ gar, samlResponse })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") expect(result.reason).toMatchObject({ code: "GAR_ASSERTION_REFUSED" });
    }
    expect(await prisma.garPendingIdentity.count()).toBe(1);
    expect(await prisma.garSamlAssertion.count()).toBe(1);
  });

  it("refuses an unknown InResponseTo and an expired request, writing nothing", async () => {
    await expectRefused(completeGarSamlSignIn({ gar, samlResponse: response("_never-sent") }));
    const past = new Date(Date.now() - GAR_SIGN_IN_REQUEST_TTL_MS - 1000);
    const { requestId } = await startGarSamlSignIn({ gar, now: past });
    await expectRefused(completeGarSamlSignIn({ gar, samlResponse: response(requestId) }));
    expect(await prisma.garPendingIdentity.count()).toBe(0);
    expect(await prisma.garSamlAssertion.count()).toBe(0);
  });

  it("clock skew edges: accepted 100 s after NotOnOrAfter, refused 130 s after; replay row kept until expiry + skew", async () => {
    const now = Date.now();
    const late = await startGarSamlSignIn({ gar });
    const notOnOrAfter = new Date(now - 100_000);
    await completeGarSamlSignIn({
      gar,
      samlResponse: response(late.requestId, { now: new Date(now - 5 * 60_000), notOnOrAfter }),
    });
    const row = await prisma.garSamlAssertion.findFirstOrThrow();
    expect(row.expiresAt.getTime()).toBe(notOnOrAfter.getTime() + 120_000);

    const tooLate = await startGarSamlSignIn({ gar });
    await expectRefused(
      completeGarSamlSignIn({
        gar,
        samlResponse: response(tooLate.requestId, {
          now: new Date(now - 5 * 60_000),
          notOnOrAfter: new Date(now - 130_000),
        }),
      }),
    );
    const early = await startGarSamlSignIn({ gar });
    await expectRefused(
      completeGarSamlSignIn({ gar, samlResponse: response(early.requestId, { notBefore: new Date(now + 130_000) }) }),
    );
    // Refused before the request was consumed: nothing written.
    expect((await prisma.garSamlRequest.findUnique({ where: { id: early.requestId } }))?.consumedAt).toBeNull();
  });

  it("maps a teacher to GAR_NOT_A_STUDENT and a missing profile to GAR_PROFILE_MISSING", async () => {
    const { requestId } = await startGarSamlSignIn({ gar });
    await expectRefused(
      completeGarSamlSignIn({
        gar,
        samlResponse: response(requestId, { attributes: { ...attributes, PRO: "National_dir" } }),
      }),
      "GAR_NOT_A_STUDENT",
    );
    const { PRO: _dropped, ...withoutProfile } = attributes;
    await expectRefused(
      completeGarSamlSignIn({ gar, samlResponse: response(requestId, { attributes: withoutProfile }) }),
      "GAR_PROFILE_MISSING",
    );
    await expectRefused(completeGarSamlSignIn({ gar, samlResponse: null }));
  });
});

describe("SAML over HTTP against the GAR stand-in's IdP", () => {
  const appBaseUrl = "http://localhost:39995";
  let standIn: GarStandIn;
  let standInGar: GarSamlPort;

  beforeAll(async () => {
    const sp = await generateSamlKeyPair("sp");
    // Every fixture school is subscribed; one more pupil's school is not.
    const subscriptions = new SubscriptionStore();
    for (const uai of new Set(fixtureStudents.map((student) => student.uai)))
      subscriptions.addConsoleSubscription(uai, "ark:/99999/pix-demo");
    const unsubscribed = {
      ...findFixtureStudent("come-muller"),
      key: "sans-abonnement",
      ido: "ido-sans-abonnement",
      uai: "0999009Z",
      siecle: null,
    };
    standIn = await startGarStandIn({
      port: 0,
      appBaseUrl,
      logErrors: false,
      spCert: sp.cert,
      students: [...fixtureStudents, unsubscribed],
      subscriptions,
    });
    standInGar = createGarSamlPort({
      appBaseUrl,
      resourceUrl: `${appBaseUrl}/gar/connexion`,
      spKey: sp.key,
      spCert: sp.cert,
      idp: await loadIdpMetadata(standIn.samlMetadataUrl),
      clockSkewMs: 120_000,
    });
  }, 60_000);

  afterAll(async () => {
    await standIn?.close();
  });

  /** ENT sign-in, then the signed AuthnRequest; the IdP answers with its auto-posting form. */
  async function samlResponseFromStandIn(key: string): Promise<string> {
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key });
    const { authorizationUrl } = await startGarSamlSignIn({ gar: standInGar, returnTo: "/campagnes/SAML01" });
    const { response } = await browser.follow(authorizationUrl.toString());
    const page = await response.text();
    expect(page).toContain(`action="${appBaseUrl}/gar/saml/acs"`);
    expect(page).toContain(`name="RelayState" value="${appBaseUrl}/gar/connexion"`);
    return /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1] ?? "";
  }

  it("releases a fixture student: the app gets the verified identity", async () => {
    const student = findFixtureStudent("chloe-bonnet");
    const outcome = await completeGarSamlSignIn({
      gar: standInGar,
      samlResponse: await samlResponseFromStandIn(student.key),
    });
    expect(outcome).toMatchObject({
      kind: "PENDING",
      returnTo: "/campagnes/SAML01",
      identity: { garId: student.ido, lastName: student.lastName, uais: [student.uai] },
    });
  });

  it("refuses an unassigned student (RequestDenied → GAR_ACCESS_DENIED)", async () => {
    await expectRefused(
      completeGarSamlSignIn({ gar: standInGar, samlResponse: await samlResponseFromStandIn("eloise-petit") }),
      "GAR_ACCESS_DENIED",
    );
  });

  it("refuses a pupil of a school with no subscription with its own error (RequestDenied + StatusMessage)", async () => {
    await expectRefused(
      completeGarSamlSignIn({ gar: standInGar, samlResponse: await samlResponseFromStandIn("sans-abonnement") }),
      "GAR_RESOURCE_UNAVAILABLE",
    );
  });

  it("single logout with the stand-in: its ENT sign-out's LogoutRequest is accepted and ends the sign-in", async () => {
    const student = findFixtureStudent("come-muller");
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key: student.key });
    const { authorizationUrl } = await startGarSamlSignIn({ gar: standInGar });
    const page = await (await browser.follow(authorizationUrl.toString())).response.text();
    const outcome = await completeGarSamlSignIn({
      gar: standInGar,
      samlResponse: /name="SAMLResponse" value="([^"]+)"/.exec(page)?.[1] ?? "",
    });
    expect(outcome.kind).toBe("PENDING");
    if (outcome.kind !== "PENDING") return;
    const { hop } = await browser.postForm(`${standIn.issuer}/ent/deconnexion`, { canal: "redirection" });
    expect(hop.location?.startsWith(`${appBaseUrl}/gar/saml/logout?SAMLRequest=`)).toBe(true);
    const message = await standInGar.readLogoutRedirect(new URL(hop.location!).search.slice(1));
    expect(message).toMatchObject({
      ok: true,
      kind: "REQUEST",
      nameId: student.ido,
      sessionIndexes: [expect.any(String)],
    });
    if (!message.ok || message.kind !== "REQUEST") return;
    expect(await handleGarSamlLogoutRequest({ request: message })).toMatchObject({ ok: true, known: true });
    expect(
      (await prisma.garPendingIdentity.findUnique({ where: { id: outcome.pendingIdentityId } }))?.consumedAt,
    ).toEqual(expect.any(Date));
    // The ENT session is over: the IdP asks to sign in again.
    const again = await browser.follow((await startGarSamlSignIn({ gar: standInGar })).authorizationUrl.toString());
    expect(await again.response.text()).toContain("Connexion à l'ENT");
  });

  it("single logout with the stand-in: it answers our signed LogoutRequest, and refuses an unsigned one", async () => {
    const student = findFixtureStudent("zoe-nguyen");
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key: student.key });
    const request = await standInGar.createLogoutRequest({
      nameId: student.ido,
      nameIdFormat: null,
      sessionIndex: "_x",
    });
    const unsigned = new URL(request!.url);
    unsigned.searchParams.delete("Signature");
    expect((await browser.request(unsigned.toString())).response.status).toBe(400);
    const { hop } = await browser.request(request!.url.toString());
    expect(hop.location?.startsWith(`${appBaseUrl}/gar/saml/logout?SAMLResponse=`)).toBe(true);
    expect(await standInGar.readLogoutRedirect(new URL(hop.location!).search.slice(1))).toEqual({
      ok: true,
      kind: "RESPONSE",
      inResponseTo: request!.requestId,
      relayState: null,
    });
  });

  it("the IdP refuses an AuthnRequest whose signature was tampered with", async () => {
    const { authorizationUrl } = await startGarSamlSignIn({ gar: standInGar });
    authorizationUrl.searchParams.set("RelayState", "https://elsewhere.example.test/");
    const response = await fetch(authorizationUrl);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Signature de l&#39;AuthnRequest invalide");
  });
});

describe("SAML single logout against PostgreSQL", () => {
  /** A student signed in over SAML (ACS, then the session the route starts), with its SessionIndex. */
  async function signedInOverSaml(garId: string, sessionIndex: string) {
    const user = (await prisma.authenticationMethod.findUnique({
      where: { provider_externalId: { provider: "GAR", externalId: garId } },
      select: { userId: true },
    })) ?? { userId: (await createGarStudentUser({ garId, firstName: "Côme", lastName: "MÜLLER" })).id };
    const { requestId } = await startGarSamlSignIn({ gar });
    const outcome = await completeGarSamlSignIn({
      gar,
      samlResponse: response(requestId, { nameId: garId, sessionIndex, attributes: { ...attributes, IDO: garId } }),
    });
    expect(outcome).toMatchObject({ kind: "SIGNED_IN", samlLoginId: expect.any(String) });
    const { sessionId } = await createSessionRecord({ userId: user.userId, kind: "STUDENT" });
    await attachGarSamlLogin(outcome.samlLoginId!, sessionId);
    return { userId: user.userId, sessionId };
  }

  const sessionExists = async (id: string) => (await prisma.session.count({ where: { id } })) === 1;

  async function redirectLogout(nameId: string, sessionIndexes: string[], id?: string) {
    const message = await gar.readLogoutRedirect(
      redirectBindingQuery(
        logoutRequestXml({ issuer: IDP, destination: urls.slo, nameId, sessionIndexes, id }),
        "SAMLRequest",
        idpKeys,
      ),
    );
    if (!message.ok || message.kind !== "REQUEST") throw new Error(`refused: ${JSON.stringify(message)}`);
    return message;
  }

  it("an IdP LogoutRequest (redirect) deletes the student's session from that sign-in, and no one else's", async () => {
    const student = await signedInOverSaml(ido, "_index-a");
    const other = await signedInOverSaml("b0b0".repeat(16), "_index-b");
    const staffUser = await prisma.user.create({ data: { firstName: "Nadia", lastName: "Fontaine" } });
    const staff = await createSessionRecord({ userId: staffUser.id, kind: "STAFF" });
    const outcome = await handleGarSamlLogoutRequest({ request: await redirectLogout(ido, ["_index-a"]) });
    expect(outcome).toEqual({ ok: true, revokedSessions: 1, known: true });
    expect(await sessionExists(student.sessionId)).toBe(false);
    expect(await sessionExists(other.sessionId)).toBe(true);
    expect(await sessionExists(staff.sessionId)).toBe(true);
    expect(await prisma.garSamlLogin.count()).toBe(1);
    expect(await prisma.garSamlLogoutRequest.count()).toBe(1);
  });

  it("a SessionIndex names one sign-in; a LogoutRequest without any ends all of the NameID's", async () => {
    const first = await signedInOverSaml(ido, "_first");
    const second = await signedInOverSaml(ido, "_second");
    await handleGarSamlLogoutRequest({ request: await redirectLogout(ido, ["_second"]) });
    expect(await sessionExists(first.sessionId)).toBe(true);
    expect(await sessionExists(second.sessionId)).toBe(false);
    const third = await signedInOverSaml(ido, "_third");
    await handleGarSamlLogoutRequest({ request: await redirectLogout(ido, []) });
    expect(await sessionExists(first.sessionId)).toBe(false);
    expect(await sessionExists(third.sessionId)).toBe(false);
  });

  it("the SOAP back-channel LogoutRequest revokes the same way", async () => {
    const student = await signedInOverSaml(ido, "_soap-index");
    const envelope = soapEnvelope(
      signSamlElement(
        logoutRequestXml({ issuer: IDP, destination: urls.slo, nameId: ido, sessionIndexes: ["_soap-index"] }),
        "LogoutRequest",
        idpKeys,
      ),
    );
    const message = await gar.readLogoutSoap(envelope);
    if (!message.ok || message.kind !== "REQUEST") throw new Error("refused");
    expect(await handleGarSamlLogoutRequest({ request: message })).toMatchObject({ ok: true, revokedSessions: 1 });
    expect(await sessionExists(student.sessionId)).toBe(false);
  });

  it("an unknown session: answered (not known), nothing deleted", async () => {
    const student = await signedInOverSaml(ido, "_kept");
    expect(await handleGarSamlLogoutRequest({ request: await redirectLogout("nobody", []) })).toEqual({
      ok: true,
      revokedSessions: 0,
      known: false,
    });
    expect(await handleGarSamlLogoutRequest({ request: await redirectLogout(ido, ["_other-index"]) })).toMatchObject({
      known: false,
    });
    expect(await sessionExists(student.sessionId)).toBe(true);
  });

  it("a replayed LogoutRequest is refused; of 10 parallel copies exactly one acts", async () => {
    await signedInOverSaml(ido, "_replayed");
    const request = await redirectLogout(ido, ["_replayed"], "_same-logout");
    expect((await handleGarSamlLogoutRequest({ request })).ok).toBe(true);
    expect(await handleGarSamlLogoutRequest({ request })).toEqual({ ok: false });

    const student = await signedInOverSaml(ido, "_parallel");
    const copy = await redirectLogout(ido, ["_parallel"], "_parallel-logout");
    const results = await Promise.all(Array.from({ length: 10 }, () => handleGarSamlLogoutRequest({ request: copy })));
    expect(results.filter((result) => result.ok)).toEqual([{ ok: true, revokedSessions: 1, known: true }]);
    expect(await sessionExists(student.sessionId)).toBe(false);
    expect(await prisma.garSamlLogoutRequest.count()).toBe(2);
  });

  it("a sign-in still at its pending identity: the LogoutRequest consumes it (the code page cannot go on)", async () => {
    const { requestId } = await startGarSamlSignIn({ gar });
    const outcome = await completeGarSamlSignIn({
      gar,
      samlResponse: response(requestId, { sessionIndex: "_pending" }),
    });
    expect(outcome.kind).toBe("PENDING");
    if (outcome.kind !== "PENDING") return;
    expect(
      await prisma.garSamlLogin.findUnique({
        where: { id: outcome.samlLoginId! },
        select: { pendingIdentityId: true },
      }),
    ).toEqual({ pendingIdentityId: outcome.pendingIdentityId });
    await handleGarSamlLogoutRequest({ request: await redirectLogout(ido, ["_pending"]) });
    const pending = await prisma.garPendingIdentity.findUnique({ where: { id: outcome.pendingIdentityId } });
    expect(pending?.consumedAt).toEqual(expect.any(Date));
  });

  it("our sign-out: a LogoutRequest for the session's sign-in, its LogoutResponse accepted once", async () => {
    const student = await signedInOverSaml(ido, "_ours");
    const url = await startGarSamlLogout({ gar, sessionId: student.sessionId });
    expect(url?.toString()).toMatch(/^http:\/\/localhost:39996\/saml\/slo\?SAMLRequest=/);
    expect(await prisma.garSamlLogin.count({ where: { sessionId: student.sessionId } })).toBe(0);
    const request = await prisma.garSamlRequest.findFirstOrThrow({ where: { purpose: "LOGOUT" } });
    // A session with no SAML sign-in behind it: nothing to send.
    expect(await startGarSamlLogout({ gar, sessionId: "no-such-session" })).toBeNull();

    const answer = await gar.readLogoutRedirect(
      redirectBindingQuery(
        logoutResponseXml({ issuer: IDP, destination: urls.slo, inResponseTo: request.id }),
        "SAMLResponse",
        idpKeys,
      ),
    );
    expect(answer).toMatchObject({ ok: true, kind: "RESPONSE", inResponseTo: request.id });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => completeGarSamlLogout({ inResponseTo: request.id })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await completeGarSamlLogout({ inResponseTo: "_never-sent" })).toBe(false);
  });

  it("a LogoutRequest id of ours is no AuthnRequest: an assertion answering it is refused", async () => {
    const student = await signedInOverSaml(ido, "_cross");
    await startGarSamlLogout({ gar, sessionId: student.sessionId });
    const request = await prisma.garSamlRequest.findFirstOrThrow({ where: { purpose: "LOGOUT" } });
    await expectRefused(completeGarSamlSignIn({ gar, samlResponse: response(request.id) }));
  });
});
