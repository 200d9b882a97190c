import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createSchool } from "../../../tests/factories/schools";
import { BrowserLikeClient } from "../../../tests/gar/http-client";
import { type GarStandIn, startGarStandIn } from "../../../tests/gar/stand-in";
import { type FixtureStudent, findFixtureStudent, fixtureStudents } from "../../../tests/gar/students";
import { SubscriptionStore } from "../../../tests/gar/subscription-service";
import { completeGarSignIn, GAR_SIGN_IN_REQUEST_TTL_MS, startGarSignIn } from "./mutations";
import { createGarOidcPort } from "./oidc-client";
import type { GarPort } from "./types";

/** Identities the GAR should not send but the app must refuse, never guess: no UAI, no PRO. */
const come = findFixtureStudent("come-muller");
const unusualIdentities: FixtureStudent[] = [
  { ...come, key: "sans-uai", ido: "ido-sans-uai", uai: "", siecle: null },
  { ...come, key: "sans-pro", ido: "ido-sans-pro", profile: null, siecle: null },
  { ...come, key: "enseignant", ido: "ido-enseignant", profile: "National_ens", siecle: null },
  // A school the GAR has no subscription for (all the others have one).
  { ...come, key: "sans-abonnement", ido: "ido-sans-abonnement", uai: "0999009Z", siecle: null },
];
const subscriptions = new SubscriptionStore();
for (const uai of new Set(fixtureStudents.map((student) => student.uai)))
  subscriptions.addConsoleSubscription(uai, "ark:/99999/pix-demo");

// The callback URL's host: nothing listens there, the test stops at the redirect back to the app.
const appBaseUrl = "http://localhost:39998";
let standIn: GarStandIn;
let gar: GarPort;

beforeAll(async () => {
  standIn = await startGarStandIn({
    port: 0,
    appBaseUrl,
    logErrors: false,
    students: [...fixtureStudents, ...unusualIdentities],
    subscriptions,
  });
  gar = createGarOidcPort({
    issuer: standIn.issuer,
    clientId: standIn.config.clientId,
    clientSecret: standIn.config.clientSecret,
    resourceId: standIn.config.resourceId,
    appBaseUrl,
    metadata: "discovery",
    idTokenAlg: "RS256",
  });
});

afterAll(async () => {
  await standIn?.close();
});

/** ENT sign-in as a fixture student, then the silent GAR round trip up to our callback. */
async function signInThroughEnt(key: string, returnTo?: string) {
  const browser = new BrowserLikeClient();
  await browser.postForm(`${standIn.issuer}/ent/connexion`, { key });
  const { requestId, authorizationUrl } = await startGarSignIn({ gar, returnTo });
  const { finalUrl } = await browser.follow(authorizationUrl.toString(), {}, (url) => url.startsWith(appBaseUrl));
  const callback = new URL(finalUrl);
  expect(callback.pathname).toBe("/gar/callback");
  return { requestId, callbackQuery: callback.searchParams, browser };
}

async function expectFailure(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

describe("GAR sign-in through the stand-in", () => {
  it("hands back the identity of an unknown student as pending, with the sanitised return path", async () => {
    const student = findFixtureStudent("maelys-da-silva");
    const { requestId, callbackQuery } = await signInThroughEnt(student.key, "/campagnes/QWERTY234");
    const outcome = await completeGarSignIn({ gar, requestId, callbackQuery });
    expect(outcome).toEqual({
      kind: "PENDING",
      pendingIdentityId: expect.any(String),
      returnTo: "/campagnes/QWERTY234",
      identity: {
        garId: student.ido,
        firstName: "Maelys",
        lastName: "DA SILVA",
        uais: ["0999001W"],
        profile: "National_elv",
        divisions: [{ code: "6EC", label: "6E C" }],
      },
    });
    const stored = await prisma.garSignInRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(stored.consumedAt).not.toBeNull();
    // The single-use row the cookie will name: unconsumed, for an hour.
    if (outcome.kind !== "PENDING") throw new Error("expected a pending identity");
    const pendingRow = await prisma.garPendingIdentity.findUniqueOrThrow({ where: { id: outcome.pendingIdentityId } });
    expect(pendingRow.consumedAt).toBeNull();
    expect(pendingRow.expiresAt.getTime() - pendingRow.createdAt.getTime()).toBe(60 * 60 * 1000);
  });

  it("signs a known IDO in and refreshes the names", async () => {
    const student = findFixtureStudent("ines-berthelot");
    const user = await createGarStudentUser({ garId: student.ido, firstName: "Ines", lastName: "BERTHELOT-ANCIEN" });
    const { requestId, callbackQuery } = await signInThroughEnt(student.key);
    const outcome = await completeGarSignIn({ gar, requestId, callbackQuery });
    expect(outcome).toEqual({ kind: "SIGNED_IN", userId: user.id, returnTo: null, hasAcceptedCgu: false });
    const refreshed = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { authenticationMethods: true },
    });
    expect(refreshed).toMatchObject({ firstName: "Inès", lastName: "BERTHELOT" });
    expect(refreshed.lastLoggedAt).not.toBeNull();
    expect(refreshed.authenticationMethods[0]).toMatchObject({ firstName: "Inès", lastName: "BERTHELOT" });
  });

  it("drops a return path that would leave the app", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot", "//evil.example/phish");
    const outcome = await completeGarSignIn({ gar, requestId, callbackQuery });
    expect(outcome.returnTo).toBeNull();
  });

  it("refuses a replayed callback", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot");
    await completeGarSignIn({ gar, requestId, callbackQuery });
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses a replayed authorization code under a fresh request (code already used)", async () => {
    const first = await signInThroughEnt("ines-berthelot");
    await completeGarSignIn({ gar, requestId: first.requestId, callbackQuery: first.callbackQuery });
    // An attacker starts their own request and pastes the used code with their state.
    const { requestId, authorizationUrl } = await startGarSignIn({ gar });
    const forged = new URLSearchParams(first.callbackQuery);
    forged.set("state", authorizationUrl.searchParams.get("state")!);
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery: forged }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses a state that does not match the browser's request", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot");
    const tampered = new URLSearchParams(callbackQuery);
    tampered.set("state", "not-the-state");
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery: tampered }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses a callback without the browser's request cookie, or with another request's", async () => {
    const { callbackQuery } = await signInThroughEnt("ines-berthelot");
    await expectFailure(completeGarSignIn({ gar, requestId: undefined, callbackQuery }), "GAR_SIGN_IN_FAILED");
    const other = await startGarSignIn({ gar });
    await expectFailure(completeGarSignIn({ gar, requestId: other.requestId, callbackQuery }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses a nonce mismatch", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot");
    await prisma.garSignInRequest.update({ where: { id: requestId }, data: { nonce: "another-nonce" } });
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses a PKCE verifier mismatch", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot");
    await prisma.garSignInRequest.update({ where: { id: requestId }, data: { codeVerifier: "x".repeat(64) } });
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_SIGN_IN_FAILED");
  });

  it("refuses an expired request", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("ines-berthelot");
    const later = new Date(Date.now() + GAR_SIGN_IN_REQUEST_TTL_MS + 1000);
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery, now: later }), "GAR_SIGN_IN_FAILED");
  });

  it("reports the GAR's refusal of a student whose school has no subscription, with its own page", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("sans-abonnement");
    expect(callbackQuery.get("error")).toBe("access_denied");
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_RESOURCE_UNAVAILABLE");
    expect(await prisma.user.count()).toBe(0);
  });

  it("reports the GAR's refusal of a student without the Pix resource", async () => {
    const { requestId, callbackQuery } = await signInThroughEnt("eloise-petit");
    expect(callbackQuery.get("error")).toBe("access_denied");
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_ACCESS_DENIED");
  });

  it.each([
    ["sans-uai", "GAR_UAI_MISSING"],
    ["sans-pro", "GAR_PROFILE_MISSING"],
    ["enseignant", "GAR_NOT_A_STUDENT"],
  ])("refuses the identity %s with its own code, keeping nothing", async (key, code) => {
    const { requestId, callbackQuery } = await signInThroughEnt(key);
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), code);
    expect(await prisma.garPendingIdentity.count()).toBe(0);
  });

  it("refuses a known IDO that arrives without UAI or PRO, and keeps the account's names", async () => {
    const user = await createGarStudentUser({ garId: "ido-sans-pro", firstName: "Côme", lastName: "MÜLLER" });
    const { requestId, callbackQuery } = await signInThroughEnt("sans-pro");
    await expectFailure(completeGarSignIn({ gar, requestId, callbackQuery }), "GAR_PROFILE_MISSING");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      firstName: "Côme",
      lastName: "MÜLLER",
      lastLoggedAt: null,
    });
  });

  it("signs in a known IDO from a school where the account is no learner without renaming the account", async () => {
    const school = await createSchool({ uai: "0999001W" });
    const user = await createGarStudentUser({ garId: "ido-ailleurs", firstName: "Côme", lastName: "MÜLLER" });
    await createLearner(school.id, { firstName: "Côme", lastName: "MÜLLER", birthdate: "2011-11-08", userId: user.id });
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, {
      prenom: "Come",
      nom: "MULLAR",
      uai: "0999002X",
      ido: "ido-ailleurs",
    });
    const { requestId, authorizationUrl } = await startGarSignIn({ gar });
    const { finalUrl } = await browser.follow(authorizationUrl.toString(), {}, (url) => url.startsWith(appBaseUrl));
    const outcome = await completeGarSignIn({ gar, requestId, callbackQuery: new URL(finalUrl).searchParams });
    expect(outcome).toMatchObject({ kind: "SIGNED_IN", userId: user.id });
    const after = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { authenticationMethods: true },
    });
    expect(after).toMatchObject({ firstName: "Côme", lastName: "MÜLLER" });
    expect(after.lastLoggedAt).not.toBeNull();
    expect(after.authenticationMethods[0]).toMatchObject({ firstName: "Côme", lastName: "MÜLLER" });
  });

  it("refuses when the client secret is wrong", async () => {
    const wrongSecret = createGarOidcPort({
      issuer: standIn.issuer,
      clientId: standIn.config.clientId,
      clientSecret: "wrong-secret",
      resourceId: standIn.config.resourceId,
      appBaseUrl,
      metadata: "discovery",
      idTokenAlg: "RS256",
    });
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key: "ines-berthelot" });
    const { requestId, authorizationUrl } = await startGarSignIn({ gar: wrongSecret });
    const { finalUrl } = await browser.follow(authorizationUrl.toString(), {}, (url) => url.startsWith(appBaseUrl));
    await expectFailure(
      completeGarSignIn({ gar: wrongSecret, requestId, callbackQuery: new URL(finalUrl).searchParams }),
      "GAR_SIGN_IN_FAILED",
    );
  });

  it("works with static metadata (the GAR has no discovery document)", async () => {
    const staticPort = createGarOidcPort({
      issuer: standIn.issuer,
      clientId: standIn.config.clientId,
      clientSecret: standIn.config.clientSecret,
      resourceId: standIn.config.resourceId,
      appBaseUrl,
      metadata: "static",
      endpoints: {
        authorization: `${standIn.issuer}/oidc/oidcAuthorize`,
        token: `${standIn.issuer}/oidc/oidcAccessToken`,
        profile: `${standIn.issuer}/oidc/oidcProfile`,
        jwks: `${standIn.issuer}/oidc/jwks`,
      },
      idTokenAlg: "RS256",
    });
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key: "ines-berthelot" });
    const { requestId, authorizationUrl } = await startGarSignIn({ gar: staticPort });
    expect(authorizationUrl.pathname).toBe("/oidc/oidcAuthorize");
    expect(authorizationUrl.searchParams.get("idRessource")).toBe(standIn.config.resourceId);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    const { finalUrl } = await browser.follow(authorizationUrl.toString(), {}, (url) => url.startsWith(appBaseUrl));
    const outcome = await completeGarSignIn({
      gar: staticPort,
      requestId,
      callbackQuery: new URL(finalUrl).searchParams,
    });
    expect(outcome.kind).toBe("PENDING");
  });

  it("refuses a plain-http issuer that is not on this machine", async () => {
    const remote = createGarOidcPort({
      issuer: "http://gar.example.org",
      clientId: "x",
      clientSecret: "y",
      resourceId: "z",
      appBaseUrl,
      metadata: "discovery",
      idTokenAlg: "RS256",
    });
    await expect(remote.createAuthorizationRequest()).rejects.toThrow(/https/);
  });
});
