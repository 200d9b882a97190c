import { describe, expect, it } from "vitest";
import { averageResults, toPercent } from "./results";

describe("averageResults", () => {
  it("averages each figure over the participants who have it", () => {
    const averages = averageResults(
      [
        { masteryRate: 0.5, competenceRates: { "1.1": 1, "2.1": 0 } },
        { masteryRate: 1, competenceRates: { "1.1": 0.5 } },
        { masteryRate: null, competenceRates: {} },
      ],
      ["1.1", "2.1", "3.1"],
    );
    expect(averages).toEqual({ count: 3, masteryRate: 0.75, competenceRates: { "1.1": 0.75, "2.1": 0, "3.1": null } });
  });

  it("is empty with no participant", () => {
    expect(averageResults([], ["1.1"])).toEqual({ count: 0, masteryRate: null, competenceRates: { "1.1": null } });
  });
});

describe("toPercent", () => {
  it("rounds and clamps", () => {
    expect(toPercent(0.756)).toBe(76);
    expect(toPercent(1.2)).toBe(100);
    expect(toPercent(-0.1)).toBe(0);
    expect(toPercent(null)).toBeNull();
    expect(toPercent(Number.NaN)).toBeNull();
  });
});
