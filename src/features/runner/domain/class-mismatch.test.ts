import { describe, expect, it } from "vitest";

import { findClassMismatch } from "./class-mismatch";

describe("findClassMismatch", () => {
  it("names both classes when the learner is in another class than the campaign's", () => {
    expect(findClassMismatch("6E B", "6E A")).toEqual({ campaignDivision: "6E B", learnerDivision: "6E A" });
  });

  it("is silent for the campaign's own class, whatever the case and spacing", () => {
    expect(findClassMismatch("6E A", "6E A")).toBeNull();
    expect(findClassMismatch("6e  a ", "6E A")).toBeNull();
  });

  it("is silent for a school-wide campaign", () => {
    expect(findClassMismatch(null, "6E A")).toBeNull();
    expect(findClassMismatch("  ", "6E A")).toBeNull();
  });
});
