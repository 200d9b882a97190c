import { describe, expect, it } from "vitest";

import { learnerOfBlockedIdentity } from "./student-lockout";

const learners = [
  { id: 1, firstName: "Inès", lastName: "Berthelot", preferredLastName: null },
  { id: 2, firstName: "Chloé", lastName: "Bonnet-Martin", preferredLastName: "Bonnet" },
  { id: 3, firstName: "Léo", lastName: "Petit", preferredLastName: null },
  { id: 4, firstName: "Leo", lastName: "Petit", preferredLastName: null },
];

describe("learnerOfBlockedIdentity", () => {
  it("finds the one learner whose names match once normalised (accents, case, usage name)", () => {
    expect(learnerOfBlockedIdentity({ firstName: "INES", lastName: "berthelot" }, learners)).toBe(1);
    expect(learnerOfBlockedIdentity({ firstName: "Chloe", lastName: "BONNET" }, learners)).toBe(2);
    expect(learnerOfBlockedIdentity({ firstName: "Chloé", lastName: "Bonnet Martin" }, learners)).toBe(2);
  });

  it("returns null when none or several match", () => {
    expect(learnerOfBlockedIdentity({ firstName: "Léo", lastName: "Petit" }, learners)).toBeNull();
    expect(learnerOfBlockedIdentity({ firstName: "Inès", lastName: "Berthelo" }, learners)).toBeNull();
    expect(learnerOfBlockedIdentity({ firstName: "", lastName: "Berthelot" }, learners)).toBeNull();
  });
});
