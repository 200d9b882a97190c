import { describe, expect, it } from "vitest";
import { canDissociateLearner, canSeeIdoReplacements } from "./permissions";

describe("learners permissions", () => {
  it("lets ADMIN and MEMBER dissociate in a school that manages students, nobody elsewhere", () => {
    expect(canDissociateLearner({ role: "ADMIN" }, { managesStudents: true })).toBe(true);
    expect(canDissociateLearner({ role: "MEMBER" }, { managesStudents: true })).toBe(true);
    expect(canDissociateLearner({ role: "ADMIN" }, { managesStudents: false })).toBe(false);
    expect(canDissociateLearner({ role: "MEMBER" }, { managesStudents: false })).toBe(false);
  });

  it("shows the IDO replacements to ADMINs only", () => {
    expect(canSeeIdoReplacements({ role: "ADMIN" })).toBe(true);
    expect(canSeeIdoReplacements({ role: "MEMBER" })).toBe(false);
  });
});
