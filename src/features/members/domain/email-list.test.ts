import { describe, expect, it } from "vitest";
import { emailBucket, parseEmailList } from "./email-list";

describe("parseEmailList", () => {
  it("splits on commas, semicolons, spaces and new lines, lower-cases and de-duplicates", () => {
    expect(parseEmailList("A@ac-paris.fr, b@ac-paris.fr;c@ac-paris.fr\n d@ac-paris.fr  a@AC-PARIS.fr")).toEqual({
      emails: ["a@ac-paris.fr", "b@ac-paris.fr", "c@ac-paris.fr", "d@ac-paris.fr"],
      invalid: [],
    });
  });

  it("accepts addresses pasted with display names", () => {
    expect(parseEmailList('Jeanne Martin <jeanne.martin@ac-lyon.fr>, "Paul" <paul@ac-lyon.fr>').emails).toEqual([
      "jeanne.martin@ac-lyon.fr",
      "paul@ac-lyon.fr",
    ]);
  });

  it("reports what is not an address", () => {
    expect(parseEmailList("ok@ac-nice.fr, pas-une-adresse, x@y").invalid).toEqual(["pas-une-adresse", "x@y"]);
  });

  it("returns nothing for blank input", () => {
    expect(parseEmailList(" \n ,; ")).toEqual({ emails: [], invalid: [] });
  });
});

describe("emailBucket", () => {
  it("is the same for one address whatever its case, differs with the secret, and never shows the address", () => {
    const bucket = emailBucket("sign-in", " Direction@Jean-Moulin.fr", "secret-a");
    expect(bucket).toBe(emailBucket("sign-in", "direction@jean-moulin.fr", "secret-a"));
    expect(bucket).not.toBe(emailBucket("sign-in", "direction@jean-moulin.fr", "secret-b"));
    expect(bucket).toMatch(/^sign-in:[0-9a-f]{32}$/);
  });
});
