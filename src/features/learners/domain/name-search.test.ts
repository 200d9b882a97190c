import { describe, expect, it } from "vitest";
import { ACCENTED, UNACCENTED, foldForSearch, searchTerms } from "./name-search";

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
