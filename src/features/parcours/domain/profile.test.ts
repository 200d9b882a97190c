import { describe, expect, it } from "vitest";

import { computeProfile, isRecent, recencyCutoff, startLevelsFromProfile, suggestNextSteps } from "./profile";

const now = new Date("2026-12-03T10:00:00Z");
const result = (completedAt: string, levels: Record<string, number>) => ({
  completedAt: new Date(completedAt),
  competences: Object.entries(levels).map(([competenceId, levelReached]) => ({
    competenceId,
    name: `Compétence ${competenceId}`,
    areaCode: competenceId[0]!,
    levelReached,
    maxLevel: 8,
  })),
});

describe("recent results", () => {
  it("count for 12 months, to the day", () => {
    expect(recencyCutoff(now)).toEqual(new Date("2025-12-03T10:00:00Z"));
    expect(isRecent(new Date("2025-12-03T10:00:00Z"), now)).toBe(true);
    expect(isRecent(new Date("2025-12-03T09:59:59Z"), now)).toBe(false);
    // A date in the future (a wrong clock) is not a result yet.
    expect(isRecent(new Date("2026-12-04T00:00:00Z"), now)).toBe(false);
  });
});

describe("computeProfile", () => {
  it("keeps the best recent level per competence, across campaigns, in competence order", () => {
    const profile = computeProfile(
      [
        result("2026-10-01T08:00:00Z", { "1.1": 3, "4.1": 5 }),
        result("2026-11-20T08:00:00Z", { "1.1": 4, "4.1": 2, "3.4": 1 }),
        // Older than 12 months: ignored, however good.
        result("2025-06-01T08:00:00Z", { "1.1": 8, "5.2": 6 }),
      ],
      now,
    );
    expect(profile.map(({ competenceId, level }) => [competenceId, level])).toEqual([
      ["1.1", 4],
      ["3.4", 1],
      ["4.1", 5],
    ]);
    expect(profile.find((known) => known.competenceId === "4.1")?.measuredAt).toEqual(new Date("2026-10-01T08:00:00Z"));
  });

  it("on equal levels dates the level by the most recent campaign; a level 0 is kept (known, not reached)", () => {
    const profile = computeProfile(
      [result("2026-09-10T08:00:00Z", { "2.1": 3, "2.2": 0 }), result("2026-11-10T08:00:00Z", { "2.1": 3 })],
      now,
    );
    expect(profile).toEqual([
      expect.objectContaining({ competenceId: "2.1", level: 3, measuredAt: new Date("2026-11-10T08:00:00Z") }),
      expect.objectContaining({ competenceId: "2.2", level: 0 }),
    ]);
  });

  it("is empty without recent results", () => {
    expect(computeProfile([], now)).toEqual([]);
    expect(computeProfile([result("2024-01-01T00:00:00Z", { "1.1": 5 })], now)).toEqual([]);
  });
});

describe("suggestNextSteps and start levels", () => {
  const profile = computeProfile(
    [result("2026-11-01T08:00:00Z", { "1.1": 5, "1.2": 2, "1.3": 8, "2.1": 2, "3.1": 0, "4.1": 6 })],
    now,
  );

  it("suggests the lowest competences first, each with the next level; none for a competence at 8", () => {
    expect(suggestNextSteps(profile).map((step) => [step.competenceId, step.currentLevel, step.nextLevel])).toEqual([
      ["3.1", 0, 1],
      ["1.2", 2, 3],
      ["2.1", 2, 3],
    ]);
    expect(suggestNextSteps(profile, 10).some((step) => step.competenceId === "1.3")).toBe(false);
  });

  it("gives a new campaign the known levels of its own competences only", () => {
    expect(startLevelsFromProfile(profile, ["1.1", "3.1", "5.2"])).toEqual({ "1.1": 5, "3.1": 0 });
  });
});
