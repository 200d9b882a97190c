import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { BrowserLikeClient } from "./http-client";
import { type GarStandIn, startGarStandIn } from "./stand-in";
import { findFixtureStudent } from "./students";
import { consoleSubscribedUais, SubscriptionStore } from "./subscription-service";

const appBaseUrl = "http://localhost:3998";
const subscriptions = new SubscriptionStore();
let standIn: GarStandIn;
let config: client.Configuration;

beforeAll(async () => {
  standIn = await startGarStandIn({ port: 0, appBaseUrl, logErrors: false, subscriptions });
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

async function authorize(browser: BrowserLikeClient): Promise<URL> {
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${appBaseUrl}/gar/callback`,
    scope: "openid scope.gar",
    state: client.randomState(),
    nonce: client.randomNonce(),
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
    code_challenge_method: "S256",
    idRessource: standIn.config.resourceId,
  });
  const { finalUrl } = await browser.follow(url.toString(), {}, (next) => next.startsWith(appBaseUrl));
  return new URL(finalUrl);
}

describe("GAR stand-in and the school's subscription", () => {
  it("hides the tile and refuses a student of a school with no subscription, then lets them in once it exists", async () => {
    const student = findFixtureStudent("maelys-da-silva");
    const browser = new BrowserLikeClient();
    await browser.postForm(`${standIn.issuer}/ent/connexion`, { key: student.key });

    const page = await (await browser.request(`${standIn.issuer}/ent/mediacentre`)).response.text();
    expect(page).not.toContain("/gar/connexion");
    expect(page).toContain("abonné à aucune ressource Pix");
    const refused = await authorize(browser);
    expect(refused.searchParams.get("error")).toBe("access_denied");
    expect(refused.searchParams.get("error_description")).toMatch(/abonnement/i);
    expect(refused.searchParams.get("code")).toBeNull();

    // A subscription of another school, or of another resource, changes nothing.
    subscriptions.addConsoleSubscription("0999002X", standIn.config.resourceId);
    subscriptions.addConsoleSubscription(student.uai, "ark:/11111/autre");
    expect((await authorize(browser)).searchParams.get("error")).toBe("access_denied");

    subscriptions.addConsoleSubscription(student.uai, standIn.config.resourceId);
    const accepted = await authorize(browser);
    expect(accepted.searchParams.get("error")).toBeNull();
    expect(accepted.searchParams.get("code")).toBeTruthy();
  });

  it("an expired or future subscription is not active", () => {
    const store = new SubscriptionStore();
    store.put({
      idAbonnement: "A",
      idDistributeurCom: "d",
      idRessource: "ark:/1/x",
      uaiEtab: "0999001W",
      typeAffectation: "INDIV",
      nbLicenceGlobale: "ILLIMITE",
      publicCible: ["ELEVE"],
      debutValidite: "2026-09-01T00:00:00",
      anneeFinValidite: 2027,
      origin: "ws",
    });
    expect(store.hasActiveSubscription("0999001W", "ark:/1/x", new Date("2026-08-31T12:00:00Z"))).toBe(false);
    expect(store.hasActiveSubscription("0999001W", "ark:/1/x", new Date("2027-08-31T12:00:00Z"))).toBe(true);
    expect(store.hasActiveSubscription("0999001W", "ark:/1/x", new Date("2027-09-01T12:00:00Z"))).toBe(false);
  });

  it("console subscriptions: the fixture schools by default, or the configured list", () => {
    expect(consoleSubscribedUais(["0999001w", "0999001W"], {})).toEqual(["0999001W"]);
    expect(consoleSubscribedUais(["0999001W"], { GAR_STAND_IN_SUBSCRIBED_UAIS: "" })).toEqual([]);
    expect(consoleSubscribedUais([], { GAR_STAND_IN_SUBSCRIBED_UAIS: "0999003a, 0999004B" })).toEqual([
      "0999003A",
      "0999004B",
    ]);
  });
});
