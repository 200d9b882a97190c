import { describe, expect, it } from "vitest";
import { defaultCampaignName, nameMentionsTargetProfile } from "./campaign-name";

describe("defaultCampaignName", () => {
  it("suffixes the class", () => {
    expect(defaultCampaignName("Parcours de rentrée", "4E B")).toBe("Parcours de rentrée — 4E B");
  });

  it("uses the parcours name alone for a school-wide campaign", () => {
    expect(defaultCampaignName(" Parcours de rentrée ", null)).toBe("Parcours de rentrée");
  });
});

describe("nameMentionsTargetProfile", () => {
  it("is true for the default name, whatever the case and spacing", () => {
    expect(
      nameMentionsTargetProfile(
        defaultCampaignName("Cycle 4 — cultures numériques", "4E B"),
        "Cycle 4 — cultures numériques",
      ),
    ).toBe(true);
    expect(
      nameMentionsTargetProfile("CYCLE 4 —  Cultures numériques (M. Martin)", "Cycle 4 — cultures numériques"),
    ).toBe(true);
  });

  it("is false for a name of one's own", () => {
    expect(
      nameMentionsTargetProfile("Sécurité numérique — 4E B (M. Martin)", "Lycée — sécurité et citoyenneté numériques"),
    ).toBe(false);
  });

  it("is false for an empty parcours name", () => {
    expect(nameMentionsTargetProfile("Campagne", " ")).toBe(false);
  });
});
