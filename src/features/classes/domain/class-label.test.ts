import { describe, expect, it } from "vitest";
import { compareDivisions, sortDivisions } from "./class-label";

describe("sortDivisions", () => {
  it("orders collège then lycée classes the way a school reads them", () => {
    expect(
      sortDivisions(["3E A", "TLE 2", "6E B", "1ERE 1", "2NDE 10", "6E A", "2NDE 2", "5E A", "4E B", "ULIS"]),
    ).toEqual(["6E A", "6E B", "5E A", "4E B", "3E A", "2NDE 2", "2NDE 10", "1ERE 1", "TLE 2", "ULIS"]);
  });

  it("removes duplicates", () => {
    expect(sortDivisions(["4E B", "4E B", "4E A"])).toEqual(["4E A", "4E B"]);
  });

  it("compares numerically within a grade", () => {
    expect(compareDivisions("6E 2", "6E 10")).toBeLessThan(0);
  });
});
