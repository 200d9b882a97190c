import { describe, expect, it } from "vitest";

import { isAllowedRequestOrigin, strictTransportSecurity } from "./request-guard";

const app = "https://pix.example.fr";

describe("isAllowedRequestOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(isAllowedRequestOrigin({ method, path: "/orga", origin: undefined }, app)).toBe(true);
      expect(isAllowedRequestOrigin({ method, path: "/orga", origin: "https://evil.example" }, app)).toBe(true);
    }
  });

  it("requires our own origin on every other method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isAllowedRequestOrigin({ method, path: "/orga/deconnexion", origin: app }, app)).toBe(true);
      expect(isAllowedRequestOrigin({ method, path: "/orga/deconnexion", origin: undefined }, app)).toBe(false);
      expect(isAllowedRequestOrigin({ method, path: "/orga/deconnexion", origin: "null" }, app)).toBe(false);
      expect(isAllowedRequestOrigin({ method, path: "/orga/deconnexion", origin: "https://evil.example" }, app)).toBe(
        false,
      );
    }
  });

  it("compares whole origins: scheme, host and port", () => {
    const post = (origin: string) => isAllowedRequestOrigin({ method: "POST", path: "/", origin }, app);
    expect(post("http://pix.example.fr")).toBe(false);
    expect(post("https://pix.example.fr:8443")).toBe(false);
    expect(post("https://pix.example.fr.evil.example")).toBe(false);
    expect(post("https://sub.pix.example.fr")).toBe(false);
    expect(post("not a url")).toBe(false);
    expect(post("https://pix.example.fr")).toBe(true);
  });

  it("lets the GAR post cross-site to the SAML ACS and SOAP logout only (their messages are checked there), not to their neighbours", () => {
    const post = (path: string) =>
      isAllowedRequestOrigin({ method: "POST", path, origin: "https://idp.partenaire.gar.education.fr" }, app);
    expect(post("/gar/saml/acs")).toBe(true);
    expect(post("/gar/saml/acs?x=1")).toBe(true);
    expect(post("/gar/saml/acs/")).toBe(false);
    expect(post("/gar/saml/logout")).toBe(true);
    expect(post("/gar/saml/logout/")).toBe(false);
    // A server-to-server SOAP call has no Origin at all.
    expect(isAllowedRequestOrigin({ method: "POST", path: "/gar/saml/logout", origin: undefined }, app)).toBe(true);
    expect(post("/gar/saml/metadata")).toBe(false);
    expect(post("/gar/deconnexion")).toBe(false);
  });
});

describe("strictTransportSecurity", () => {
  it("is sent for an https origin only, for at least a year", () => {
    expect(strictTransportSecurity("https://pix.example.fr")).toMatch(/max-age=(\d+)/);
    expect(
      Number(strictTransportSecurity("https://pix.example.fr")!.match(/max-age=(\d+)/)![1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});
