import { describe, expect, it } from "vitest";
import { type LinkedLearnerElsewhere, type NewLearnerRow, pickSchoolChangerLinks } from "./school-changer-links";

const row: NewLearnerRow = {
  id: 10,
  nationalStudentId: "1000000001A",
  birthdate: "2011-02-03",
  firstName: "Maëlys",
  lastName: "BERTHELOT",
  preferredLastName: null,
};

function elsewhere(overrides: Partial<LinkedLearnerElsewhere> = {}): LinkedLearnerElsewhere {
  return {
    id: 1,
    schoolId: 2,
    userId: 7,
    nationalStudentId: "1000000001A",
    birthdate: "2011-02-03",
    firstName: "Maelys",
    middleName: null,
    thirdName: null,
    lastName: "Berthelot",
    preferredLastName: null,
    ...overrides,
  };
}

describe("pickSchoolChangerLinks", () => {
  it("links on same INE, birth date and names equal after normalisation", () => {
    expect(pickSchoolChangerLinks([row], [elsewhere()])).toEqual([
      { learnerId: 10, userId: 7, sourceLearnerId: 1, sourceSchoolId: 2 },
    ]);
    expect(pickSchoolChangerLinks([{ ...row, firstName: "Chloé" }], [elsewhere({ middleName: "Chloe" })])).toHaveLength(
      1,
    );
    expect(
      pickSchoolChangerLinks([{ ...row, lastName: "MARTIN", preferredLastName: "BERTHELOT" }], [elsewhere()]),
    ).toHaveLength(1);
  });

  it("refuses a forged row: same INE and birth date, other names (even close ones)", () => {
    expect(pickSchoolChangerLinks([{ ...row, firstName: "Come", lastName: "MULLAR" }], [elsewhere()])).toEqual([]);
    expect(pickSchoolChangerLinks([{ ...row, lastName: "BERTELOT" }], [elsewhere()])).toEqual([]);
  });

  it("refuses another INE or another birth date", () => {
    expect(pickSchoolChangerLinks([row], [elsewhere({ nationalStudentId: "1000000002B" })])).toEqual([]);
    expect(pickSchoolChangerLinks([row], [elsewhere({ birthdate: "2011-02-04" })])).toEqual([]);
  });

  it("takes the first matching learner (the most recent), skipping a non-matching one before it", () => {
    const links = pickSchoolChangerLinks(
      [row],
      [
        elsewhere({ id: 3, userId: 9, lastName: "AUTRE" }),
        elsewhere({ id: 4, userId: 8 }),
        elsewhere({ id: 5, userId: 6 }),
      ],
    );
    expect(links).toEqual([{ learnerId: 10, userId: 8, sourceLearnerId: 4, sourceSchoolId: 2 }]);
  });
});
