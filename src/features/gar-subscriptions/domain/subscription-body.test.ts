import { describe, expect, it } from "vitest";

import { nextAttemptAfter, isRetryable } from "./retry-policy";
import { parseSubscriptionXml, parseTargetAudience, subscriptionIdFor, validityFor } from "./subscription-body";

describe("subscription fields", () => {
  it("target audience: ELEVE always, known values only, in the web service's order", () => {
    expect(parseTargetAudience("ELEVE")).toEqual(["ELEVE"]);
    expect(parseTargetAudience("documentaliste, ENSEIGNANT")).toEqual(["ELEVE", "ENSEIGNANT", "DOCUMENTALISTE"]);
    expect(parseTargetAudience("ELEVE,PARENT")).toBeNull();
  });

  it("idAbonnement names the UAI and the school row; validity runs to the end of the school year", () => {
    expect(subscriptionIdFor({ id: 12, uai: "0999001w" })).toBe("PIX-0999001W-12");
    expect(validityFor(new Date("2026-12-03T10:00:00Z"))).toEqual({
      schoolYear: 2026,
      debutValidite: "2026-12-03",
      anneeFinValidite: 2027,
    });
  });

  it("reads the service's answer, and refuses what is not one", () => {
    const ns = "http://www.atosworldline.com/wsabonnement/v1.0/";
    expect(
      parseSubscriptionXml(
        `<abonnement xmlns="${ns}"><idAbonnement>A</idAbonnement><uaiEtab>0999001W</uaiEtab><publicCible>ELEVE</publicCible><debutValidite>2026-09-01T00:00:00</debutValidite><anneeFinValidite>2027</anneeFinValidite></abonnement>`,
      ),
    ).toEqual({
      idAbonnement: "A",
      uaiEtab: "0999001W",
      debutValidite: "2026-09-01",
      anneeFinValidite: 2027,
      publicCible: ["ELEVE"],
    });
    expect(parseSubscriptionXml(`<abonnement><idAbonnement>A</idAbonnement></abonnement>`)).toBeNull();
    expect(parseSubscriptionXml(`<!DOCTYPE x><abonnement xmlns="${ns}"/>`)).toBeNull();
    expect(parseSubscriptionXml("pas du XML <")).toBeNull();
  });

  it("backs off 1 min, 5 min, 30 min, 2 h, then 6 h; 4xx are not retried automatically", () => {
    const now = new Date("2026-12-03T10:00:00Z");
    const minutes = [1, 2, 3, 4, 5, 9].map((n) => (nextAttemptAfter(n, now).getTime() - now.getTime()) / 60_000);
    expect(minutes).toEqual([1, 5, 30, 120, 360, 360]);
    expect(isRetryable("HTTP_5XX")).toBe(true);
    expect(isRetryable("TLS")).toBe(true);
    expect(isRetryable("HTTP_4XX")).toBe(false);
  });
});
