import { describe, expect, it } from "vitest";
import { parseEmailList } from "./email-list";
import { isWellFormedUai, normalizeUai } from "./uai";

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

describe("UAI", () => {
  it("normalises what people type", () => {
    expect(normalizeUai(" 075 1234x ")).toBe("0751234X");
    expect(normalizeUai("0751234-x")).toBe("0751234X");
  });

  it("accepts 7 digits and a letter only", () => {
    expect(isWellFormedUai("0751234X")).toBe(true);
    expect(isWellFormedUai("075123X")).toBe(false);
    expect(isWellFormedUai("07512345")).toBe(false);
    expect(isWellFormedUai("0751234XY")).toBe(false);
  });
});
