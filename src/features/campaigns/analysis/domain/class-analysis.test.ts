import { describe, expect, it } from "vitest";

import type { AnswerResult, CampaignSnapshot, ChallengeSnapshot } from "@/features/parcours/types";

import { analyseClass, type AnalysedParticipation } from "./class-analysis";

function challenge(id: string, competenceId: string, skill: string, level: number): ChallengeSnapshot {
  return {
    id,
    competenceId,
    skill,
    level,
    type: "QCU",
    statement: `Énoncé ${id}`,
    proposals: [],
    answerKey: ["a"],
    explanation: "",
    illustrationUrl: null,
    illustrationAlt: null,
  };
}

/** Three competences: 1.1 (levels 1–3, two variants at level 1), 4.1 (levels 2–3), 5.2 (no target level). */
const snapshot: CampaignSnapshot = {
  targetProfileId: "tp",
  competences: [
    { id: "1.1", name: "Mener une recherche et une veille d'information", areaCode: "1" },
    { id: "4.1", name: "Sécuriser l'environnement numérique", areaCode: "4" },
    { id: "5.2", name: "Construire un environnement numérique", areaCode: "5" },
  ],
  challenges: [
    challenge("a1-x", "1.1", "@recherche1", 1),
    challenge("a1-y", "1.1", "@recherche1", 1),
    challenge("a2", "1.1", "@recherche2", 2),
    challenge("a3", "1.1", "@recherche3", 3),
    challenge("b2", "4.1", "@securite2", 2),
    challenge("b3", "4.1", "@securite3", 3),
    challenge("c1", "5.2", "@environnement1", 1),
  ],
};

const targetLevels = { "1.1": 2, "4.1": 3 };

function participation(
  levels: Record<string, [level: number, mastery: number]>,
  answers: [string, AnswerResult][],
): AnalysedParticipation {
  return {
    competences: Object.entries(levels).map(([competenceId, [levelReached, masteryRate]]) => ({
      competenceId,
      levelReached,
      masteryRate,
    })),
    answers: answers.map(([challengeId, result]) => ({ challengeId, result })),
  };
}

/** A known class of four. */
const klass = [
  participation({ "1.1": [3, 1], "4.1": [3, 1], "5.2": [0, 0.2] }, [
    ["a1-x", "OK"],
    ["a2", "OK"],
    ["b3", "OK"],
  ]),
  participation({ "1.1": [1, 1 / 3], "4.1": [2, 0.5], "5.2": [0, 0.4] }, [
    ["a1-y", "KO"],
    ["a2", "KO"],
    ["b3", "KO"],
    ["b2", "OK"],
  ]),
  participation({ "1.1": [0, 0], "4.1": [3, 1], "5.2": [1, 0.3] }, [
    ["a1-x", "SKIPPED"],
    ["b3", "OK"],
  ]),
  participation({ "1.1": [2, 2 / 3], "4.1": [3, 1], "5.2": [1, 0.5] }, [
    ["a1-y", "OK"],
    ["a2", "KO"],
    ["b3", "OK"],
  ]),
];

describe("analyseClass", () => {
  const analysis = analyseClass({ snapshot, targetLevels, participations: klass });

  it("counts the class's levels per competence, from level 0 to the highest level offered", () => {
    expect(analysis.participantCount).toBe(4);
    const [research, security, environment] = analysis.competences;
    expect(research).toMatchObject({
      competenceId: "1.1",
      assessedCount: 4,
      targetLevel: 2,
      levels: [
        { level: 0, count: 1 },
        { level: 1, count: 1 },
        { level: 2, count: 1 },
        { level: 3, count: 1 },
      ],
      belowTargetCount: 2,
      belowTargetRate: 0.5,
    });
    expect(research!.meanMasteryRate).toBeCloseTo(0.5);
    expect(security).toMatchObject({
      levels: [
        { level: 0, count: 0 },
        { level: 2, count: 1 },
        { level: 3, count: 3 },
      ],
      belowTargetCount: 1,
      belowTargetRate: 0.25,
    });
    expect(environment).toMatchObject({ targetLevel: null, belowTargetCount: null, belowTargetRate: null });
    expect(environment!.meanMasteryRate).toBeCloseTo(0.35);
  });

  it("lists the questions most missed by skill, adding up the variants: most students first, then the share", () => {
    expect(
      analysis.missedQuestions.map((question) => [question.skill, question.missedCount, question.seenCount]),
    ).toEqual([
      ["@recherche2", 2, 3],
      ["@recherche1", 2, 4],
      ["@securite3", 1, 4],
    ]);
    const [a2, a1] = analysis.missedQuestions;
    expect(a2).toMatchObject({ wrongCount: 2, skippedCount: 0, level: 2, statement: "Énoncé a2", otherStatements: [] });
    // Both variants seen twice: the first one speaks for the skill, the other is listed.
    expect(a1).toMatchObject({
      wrongCount: 1,
      skippedCount: 1,
      competenceName: "Mener une recherche et une veille d'information",
      statement: "Énoncé a1-x",
      otherStatements: ["Énoncé a1-y"],
    });
  });

  it("recommends by urgency: a low mastery without target, half the class below the target, then a quarter", () => {
    expect(analysis.recommendations).toEqual([
      expect.objectContaining({ kind: "low-mastery", competenceId: "5.2", scope: "class" }),
      expect.objectContaining({
        kind: "below-target",
        competenceId: "1.1",
        scope: "class",
        targetLevel: 2,
        belowTargetCount: 2,
        assessedCount: 4,
      }),
      expect.objectContaining({ kind: "below-target", competenceId: "4.1", scope: "group", belowTargetCount: 1 }),
    ]);
  });

  it("recommends nothing when fewer than a quarter is below the target everywhere", () => {
    const good = analyseClass({
      snapshot: { ...snapshot, competences: snapshot.competences.slice(0, 1) },
      targetLevels,
      participations: [
        participation({ "1.1": [1, 0.3] }, []),
        ...Array.from({ length: 4 }, () => participation({ "1.1": [3, 1] }, [])),
      ],
    });
    expect(good.competences[0]!.belowTargetRate).toBeCloseTo(0.2);
    expect(good.recommendations).toEqual([]);
  });

  it("is empty but complete when nobody has shared", () => {
    const empty = analyseClass({ snapshot, targetLevels, participations: [] });
    expect(empty.participantCount).toBe(0);
    expect(empty.competences[0]).toMatchObject({ assessedCount: 0, belowTargetRate: null, meanMasteryRate: null });
    expect(empty.competences[0]!.levels.every((level) => level.count === 0)).toBe(true);
    expect(empty.missedQuestions).toEqual([]);
    expect(empty.recommendations).toEqual([]);
  });
});
