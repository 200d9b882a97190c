import { describe, expect, it } from "vitest";

import { isEarlyInSchoolYear, isoSchoolDate, rentreeOf, schoolYearOf } from "./school-year";

describe("school years", () => {
  it("start on 1 September in Paris time", () => {
    expect(schoolYearOf(new Date("2026-08-31T21:59:59Z"))).toBe(2025); // 23:59:59 in Paris
    expect(schoolYearOf(new Date("2026-08-31T22:00:00Z"))).toBe(2026); // 00:00 on 1 September
    expect(schoolYearOf(new Date("2027-06-30T12:00:00Z"))).toBe(2026);
    expect(rentreeOf(2026).toISOString()).toBe("2026-08-31T22:00:00.000Z");
  });

  it("know September–October and dates in Paris", () => {
    expect(isEarlyInSchoolYear(new Date("2026-10-31T12:00:00Z"))).toBe(true);
    expect(isEarlyInSchoolYear(new Date("2026-11-01T12:00:00Z"))).toBe(false);
    expect(isoSchoolDate(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});
