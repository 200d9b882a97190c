import { describe, expect, it } from "vitest";
import { isoDateOf, normaliseDivision, parseFrenchDate } from "./validate-learner";

describe("birth dates", () => {
  const today = "2026-09-15";

  it("reads dd/mm/yyyy and d/m/yyyy into ISO dates", () => {
    expect(parseFrenchDate("03/02/2011", today, false)).toBe("2011-02-03");
    expect(parseFrenchDate("3/2/2011", today, false)).toBe("2011-02-03");
    expect(parseFrenchDate("29/02/2012", today, false)).toBe("2012-02-29");
  });

  it("refuses impossible, future, pre-1900 and other formats", () => {
    for (const value of [
      "29/02/2011",
      "31/04/2011",
      "00/01/2011",
      "12/13/2011",
      "2011-02-03",
      "03.02.2011",
      "16/09/2026",
      "01/01/1899",
      "",
    ]) {
      expect(parseFrenchDate(value, today, false), value).toBeNull();
    }
    expect(parseFrenchDate("15/09/2026", today, false)).toBe("2026-09-15");
  });

  it("accepts two-digit years only where Excel rewrites them (CSV), in the past century when needed", () => {
    expect(parseFrenchDate("09/10/10", today, false)).toBeNull();
    expect(parseFrenchDate("09/10/10", today, true)).toBe("2010-10-09");
    expect(parseFrenchDate("09/10/98", today, true)).toBe("1998-10-09");
  });

  it("gives today's date in the school's time zone", () => {
    expect(isoDateOf(new Date(2026, 0, 5, 0, 30))).toBe("2026-01-05");
  });
});

describe("division labels", () => {
  it("trims and keeps one space between words", () => {
    expect(normaliseDivision("  T  STMG\t1 ")).toBe("T STMG 1");
  });
});
