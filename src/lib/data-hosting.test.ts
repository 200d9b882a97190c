import { describe, expect, it } from "vitest";

import { dataHostingRefusal } from "./data-hosting";

const production = (databaseUrl: string | undefined, allowlist?: string) =>
  dataHostingRefusal({ nodeEnv: "production", databaseUrl, allowlist });

describe("where the pupils' data may live", () => {
  it("refuses in production a database host that the allowlist does not name, saying which host", () => {
    const refusal = production("postgresql://pix@db.cloud-ailleurs.example:5432/pix", "hds.example.fr");
    expect(refusal).toContain("« db.cloud-ailleurs.example »");
    expect(refusal).toContain("DATA_HOSTING_ALLOWLIST");
  });

  it("refuses every remote host when no allowlist is configured", () => {
    expect(production("postgresql://pix@10.0.0.12:5432/pix", undefined)).not.toBeNull();
    expect(production("postgresql://pix@10.0.0.12:5432/pix", " , ")).not.toBeNull();
  });

  it("accepts an allowed host and its sub-domains, whatever the case, and nothing that merely ends alike", () => {
    expect(production("postgresql://pix@hds.example.fr/pix", "hds.example.fr")).toBeNull();
    expect(production("postgresql://pix@DB1.Hds.Example.fr/pix", "autre.fr, .hds.example.fr")).toBeNull();
    expect(production("postgresql://pix@evilhds.example.fr/pix", "hds.example.fr")).not.toBeNull();
    expect(production("postgresql://pix@hds.example.fr.evil.example/pix", "hds.example.fr")).not.toBeNull();
  });

  it("reads the host that libpq's `host` parameter substitutes for the URL's", () => {
    expect(production("postgresql://pix@localhost/pix?host=db.ailleurs.example", "")).not.toBeNull();
    expect(production("postgresql://pix@/pix?host=/var/run/postgresql", "")).toBeNull();
  });

  it("always accepts a database on the app's own machine, and the embedded one", () => {
    expect(production("postgresql://postgres@127.0.0.1:5432/pix", undefined)).toBeNull();
    expect(production("postgres://postgres@localhost/pix", undefined)).toBeNull();
    expect(production("postgresql://postgres@[::1]:5432/pix", undefined)).toBeNull();
    expect(production(undefined, undefined)).toBeNull();
  });

  it("refuses what is not a PostgreSQL URL, and lets development run anywhere", () => {
    expect(production("mysql://pix@db.example.fr/pix", "db.example.fr")).not.toBeNull();
    expect(production("pas une url", "")).not.toBeNull();
    expect(
      dataHostingRefusal({ nodeEnv: "development", databaseUrl: "postgresql://x@far.example/p", allowlist: "" }),
    ).toBeNull();
  });
});
