import { describe, expect, it } from "vitest";
import { defaultCampaignName } from "./campaign-name";

describe("defaultCampaignName", () => {
  it("suffixes the class", () => {
    expect(defaultCampaignName("Parcours de rentrée", "4E B")).toBe("Parcours de rentrée — 4E B");
  });

  it("uses the parcours name alone for a school-wide campaign", () => {
    expect(defaultCampaignName(" Parcours de rentrée ", null)).toBe("Parcours de rentrée");
  });
});
