import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertNotProduction, readGarStandInConfig } from "./config";
import { BrowserLikeClient } from "./http-client";
import { GAR_ROUTES, type GarStandIn, startGarStandIn } from "./stand-in";
import { findFixtureStudent } from "./students";

// Nothing listens there: the tests stop at the redirect back to the app.
const appBaseUrl = "http://localhost:3999";
let standIn: GarStandIn;
let config: client.Configuration;

beforeAll(async () => {
  standIn = await startGarStandIn({ port: 0, appBaseUrl, logErrors: false });
  config = await client.discovery(
    new URL(standIn.issuer),
    standIn.config.clientId,
    undefined,
    client.ClientSecretBasic(standIn.config.clientSecret),
    { execute: [client.allowInsecureRequests] },
  );
});

afterAll(async () => {
  await standIn?.close();
});

async function startAuthorization(extra: Record<string, string> = {}) {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${appBaseUrl}/gar/callback`,
    scope: "openid scope.gar",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    idRessource: standIn.config.resourceId,
    ...extra,
  });
  return { url, codeVerifier, state, nonce };
}

async function signInToEnt(browser: BrowserLikeClient, key: string) {
  const { hop } = await browser.postForm(`${standIn.issuer}/ent/connexion`, { key });
  expect(hop.status).toBe(303);
  expect(hop.location).toBe(`${standIn.issuer}/ent/mediacentre`);
}

const backToApp = (url: string) => url.startsWith(appBaseUrl);

describe("GAR stand-in", () => {
  it("publishes GAR-like metadata", () => {
    const metadata = config.serverMetadata();
    expect(metadata.issuer).toBe(standIn.issuer);
    expect(metadata.authorization_endpoint).toBe(`${standIn.issuer}${GAR_ROUTES.authorization}`);
    expect(metadata.token_endpoint).toBe(`${standIn.issuer}${GAR_ROUTES.token}`);
    expect(metadata.userinfo_endpoint).toBe(`${standIn.issuer}${GAR_ROUTES.userinfo}`);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["openid", "scope.gar"]));
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(["client_secret_basic"]);
    expect(metadata.code_challenge_methods_supported).toEqual(["S256"]);
  });

  it("runs the whole flow: ENT sign-in, médiacentre, silent authorization, token, profile", async () => {
    const student = findFixtureStudent("maelys-da-silva");
    const browser = new BrowserLikeClient();
    await signInToEnt(browser, student.key);

    const mediacentre = await browser.request(`${standIn.issuer}/ent/mediacentre`);
    const page = await mediacentre.response.text();
    expect(page).toContain("Médiacentre");
    expect(page).toContain(`href="${appBaseUrl}/gar/connexion"`);

    const { url, codeVerifier, state, nonce } = await startAuthorization();
    const { finalUrl, hops } = await browser.follow(url.toString(), {}, backToApp);
    expect(hops.every((hop) => hop.status === 303 || hop.status === 302)).toBe(true);
    const callback = new URL(finalUrl);
    expect(callback.pathname).toBe("/gar/callback");
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("iss")).toBe(standIn.issuer);

    const tokens = await client.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.sub).toBe(student.ido);

    const profileUrl = new URL(`${standIn.issuer}${GAR_ROUTES.userinfo}`);
    profileUrl.searchParams.set("idRessource", standIn.config.resourceId);
    profileUrl.searchParams.set("access_mode", "web");
    const profile = await client.fetchProtectedResource(config, tokens.access_token, profileUrl, "GET");
    expect(await profile.json()).toEqual({
      sub: student.ido,
      IDO: student.ido,
      PRE: "Maelys",
      NOM: "DA SILVA",
      UAI: "0999001W",
      PRO: "National_elv",
      DIV: ["6EC##6E C"],
    });

    // A code is single-use.
    await expect(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
      }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("shows the ENT sign-in page when the student is not signed in to the ENT, then answers", async () => {
    const browser = new BrowserLikeClient();
    const { url } = await startAuthorization();
    const { response, finalUrl } = await browser.follow(url.toString(), {}, backToApp);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Connexion à l'ENT");
    const action = /action="(\/interaction\/[^"]+\/connexion)"/.exec(page)?.[1];
    expect(action).toBeDefined();
    expect(finalUrl).toContain("/interaction/");
    const posted = await browser.postForm(`${standIn.issuer}${action}`, { key: "ines-berthelot" });
    const { finalUrl: callbackUrl } = await browser.follow(posted.hop.location ?? "", {}, backToApp);
    expect(new URL(callbackUrl).searchParams.get("code")).toBeTruthy();
  });

  it("accepts a typed identity", async () => {
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, {
      prenom: "Zoé",
      nom: "TESTEUR",
      classe: "3E Z",
      ido: "typed-ido-1",
    });
    const { url, codeVerifier, state, nonce } = await startAuthorization();
    const { finalUrl } = await browser.follow(url.toString(), {}, backToApp);
    const tokens = await client.authorizationCodeGrant(config, new URL(finalUrl), {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
    });
    expect(tokens.claims()?.sub).toBe("typed-ido-1");
  });

  it("refuses a student who was not assigned the Pix resource, as the GAR does", async () => {
    const browser = new BrowserLikeClient();
    await signInToEnt(browser, "eloise-petit");
    const page = await (await browser.request(`${standIn.issuer}/ent/mediacentre`)).response.text();
    expect(page).not.toContain("/gar/connexion");
    expect(page).toContain("ne vous est pas affectée");

    const { url } = await startAuthorization();
    const { finalUrl } = await browser.follow(url.toString(), {}, backToApp);
    const callback = new URL(finalUrl);
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("code")).toBeNull();
  });

  it("requires PKCE and the Pix idRessource", async () => {
    const browser = new BrowserLikeClient();
    await signInToEnt(browser, "ines-berthelot");

    const withoutPkce = new URL((await startAuthorization()).url);
    withoutPkce.searchParams.delete("code_challenge");
    withoutPkce.searchParams.delete("code_challenge_method");
    const refused = new URL((await browser.follow(withoutPkce.toString(), {}, backToApp)).finalUrl);
    expect(refused.searchParams.get("error")).toBe("invalid_request");

    const otherResource = (await startAuthorization({ idRessource: "ark:/99999/autre" })).url;
    const refusedResource = new URL((await browser.follow(otherResource.toString(), {}, backToApp)).finalUrl);
    expect(refusedResource.searchParams.get("error")).toBe("invalid_request");
  });

  it("requires the profile call to name the resource", async () => {
    const response = await fetch(`${standIn.issuer}${GAR_ROUTES.userinfo}`, { headers: { authorization: "Bearer x" } });
    expect(response.status).toBe(400);
  });

  it("only accepts client_secret_basic and a wrong PKCE verifier fails", async () => {
    const browser = new BrowserLikeClient();
    await signInToEnt(browser, "ines-berthelot");
    const { url, state, nonce } = await startAuthorization();
    const callback = new URL((await browser.follow(url.toString(), {}, backToApp)).finalUrl);

    const postConfig = new client.Configuration(
      config.serverMetadata(),
      standIn.config.clientId,
      undefined,
      client.ClientSecretPost(standIn.config.clientSecret),
    );
    client.allowInsecureRequests(postConfig);
    await expect(
      client.authorizationCodeGrant(postConfig, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: state,
        expectedNonce: nonce,
      }),
    ).rejects.toMatchObject({ error: "invalid_client" });

    await expect(
      client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: client.randomPKCECodeVerifier(),
        expectedState: state,
        expectedNonce: nonce,
      }),
    ).rejects.toMatchObject({ error: "invalid_grant" });
  });

  it("starts a fresh GAR session when another student signs in to the ENT", async () => {
    const browser = new BrowserLikeClient();
    await signInToEnt(browser, "ines-berthelot");
    const first = await startAuthorization();
    const firstCallback = new URL((await browser.follow(first.url.toString(), {}, backToApp)).finalUrl);
    const firstTokens = await client.authorizationCodeGrant(config, firstCallback, {
      pkceCodeVerifier: first.codeVerifier,
      expectedState: first.state,
      expectedNonce: first.nonce,
    });

    await browser.postForm(`${standIn.issuer}/ent/deconnexion`, {});
    await signInToEnt(browser, "camille-da-silva-nouvel-ido");
    const second = await startAuthorization();
    const secondCallback = new URL((await browser.follow(second.url.toString(), {}, backToApp)).finalUrl);
    const secondTokens = await client.authorizationCodeGrant(config, secondCallback, {
      pkceCodeVerifier: second.codeVerifier,
      expectedState: second.state,
      expectedNonce: second.nonce,
    });
    expect(firstTokens.claims()?.sub).toBe(findFixtureStudent("ines-berthelot").ido);
    expect(secondTokens.claims()?.sub).toBe(findFixtureStudent("camille-da-silva-nouvel-ido").ido);
  });
});

describe("configuration", () => {
  it("shares its development client secret with the app's development fallback (src/lib/env.ts)", () => {
    expect(readGarStandInConfig({}, {}).clientSecret).toBe("development-only-gar-client-secret-not-for-production-use");
  });

  it("reads port, issuer, app URL and client from the environment", () => {
    const config = readGarStandInConfig(
      {},
      { GAR_STAND_IN_PORT: "4555", APP_BASE_URL: "http://localhost:3555/", GAR_CLIENT_SECRET: "s3cret" },
    );
    expect(config).toMatchObject({
      port: 4555,
      issuer: "http://localhost:4555",
      appBaseUrl: "http://localhost:3555",
      clientSecret: "s3cret",
    });
  });
});

describe("production guard", () => {
  it("refuses NODE_ENV=production unless explicitly allowed", () => {
    expect(() => assertNotProduction({ NODE_ENV: "production" })).toThrow(/refuses to start/);
    expect(() => assertNotProduction({ NODE_ENV: "production", GAR_STAND_IN_ALLOW_PRODUCTION: "1" })).not.toThrow();
    expect(() => assertNotProduction({ NODE_ENV: "development" })).not.toThrow();
  });
});
