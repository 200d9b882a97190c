import { describe, expect, it } from "vitest";

import { authorizedSchoolId } from "../../../tests/factories/session";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { isExistingDivision, listClasses, listDivisions } from "./data";

describe("classes data", () => {
  it("derives classes from enabled learners, in school order, with joined counts and active campaigns", async () => {
    const school = await createSchool();
    const other = await createSchool();
    const schoolId = await authorizedSchoolId(school.id);
    const owner = await createMember({ schoolId: school.id });
    const user = await createGarStudentUser({ garId: "ido-classes" });
    await createLearner(school.id, { division: "3E A" });
    await createLearner(school.id, { division: "6E B", userId: user.id });
    await createLearner(school.id, { division: "6E B" });
    await createLearner(school.id, { division: "5E A", isDisabled: true });
    await createLearner(other.id, { division: "4E Z" });
    const campaign = await createCampaign({
      schoolId: school.id,
      ownerId: owner.userId,
      division: "6E B",
      name: "Rentrée 6E B",
    });
    await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "6E B", archived: true });
    await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: null });

    expect(await listDivisions(schoolId)).toEqual(["6E B", "3E A"]);
    expect(await listClasses(schoolId)).toEqual([
      {
        division: "6E B",
        learnerCount: 2,
        joinedCount: 1,
        campaigns: [{ id: campaign.id, name: "Rentrée 6E B", code: campaign.code }],
      },
      { division: "3E A", learnerCount: 1, joinedCount: 0, campaigns: [] },
    ]);
    expect(await isExistingDivision(schoolId, "6E B")).toBe(true);
    expect(await isExistingDivision(schoolId, "5E A")).toBe(false);
    expect(await isExistingDivision(schoolId, "4E Z")).toBe(false);
  });
});
