import { describe, expect, it } from "vitest";
import { ACCENTED, UNACCENTED, explainSearchMatch, foldForSearch, searchTerms } from "./name-search";

describe("foldForSearch", () => {
  it("removes accents and case", () => {
    expect(foldForSearch("Maëlys BÉRTHELOT Çé")).toBe("maelys berthelot ce");
  });

  it("agrees with the SQL translate table", () => {
    expect(ACCENTED.length).toBe(UNACCENTED.length);
    for (let i = 0; i < ACCENTED.length; i++) {
      expect(foldForSearch(ACCENTED[i]!)).toBe(UNACCENTED[i]);
    }
  });
});

describe("searchTerms", () => {
  it("splits on spaces and escapes LIKE wildcards", () => {
    expect(searchTerms("  Maëlys  ber ")).toEqual(["maelys", "ber"]);
    expect(searchTerms("50%_x")).toEqual(["50\\%\\_x"]);
    expect(searchTerms("")).toEqual([]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
  });
});

describe("explainSearchMatch", () => {
  const chloe = {
    firstName: "Chloé",
    displayedLastName: "MOREAU",
    birthLastName: "BONNET",
    middleName: "Anaïs",
    ine: "123456789AB",
  };

  it("says nothing when the shown names contain every word", () => {
    expect(explainSearchMatch("chloe mor", chloe)).toEqual([]);
    expect(explainSearchMatch("", chloe)).toEqual([]);
  });

  it("names the birth name, another given name or the INE the search found", () => {
    expect(explainSearchMatch("bonnet", chloe)).toEqual(["BIRTH_NAME"]);
    expect(explainSearchMatch("anais", chloe)).toEqual(["MIDDLE_NAME"]);
    expect(explainSearchMatch("123456789ab", chloe)).toEqual(["INE"]);
    expect(explainSearchMatch("Anaïs BONNET chloé", chloe)).toEqual(["BIRTH_NAME", "MIDDLE_NAME"]);
  });

  it("matches an INE whole only, and only when given one", () => {
    expect(explainSearchMatch("12345", chloe)).toEqual([]);
    expect(explainSearchMatch("123456789ab", { ...chloe, ine: null })).toEqual([]);
  });
});
