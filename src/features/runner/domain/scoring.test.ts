import { describe, expect, it } from "vitest";
import type { AnswerRecord, CampaignSnapshot, ChallengeSnapshot } from "@/features/parcours/types";
import { computeResults } from "./scoring";

function challenge(competenceId: string, level: number): ChallengeSnapshot {
  return {
    id: `${competenceId}-n${level}`,
    competenceId,
    skill: `@s${competenceId.replace(".", "")}n${level}`,
    level,
    type: "QROC",
    statement: "?",
    proposals: [],
    answerKey: ["x"],
    explanation: "!",
    illustrationUrl: null,
    illustrationAlt: null,
  };
}

const snapshot: CampaignSnapshot = {
  targetProfileId: "test",
  competences: [
    { id: "1.1", name: "Recherche", areaCode: "1" },
    { id: "4.2", name: "Données personnelles", areaCode: "4" },
  ],
  challenges: [1, 2, 3, 4, 5]
    .map((level) => challenge("1.1", level))
    .concat([2, 3, 4].map((level) => challenge("4.2", level))),
};

const ok = (challengeId: string): AnswerRecord => ({ challengeId, result: "OK" });
const ko = (challengeId: string): AnswerRecord => ({ challengeId, result: "KO" });
const skip = (challengeId: string): AnswerRecord => ({ challengeId, result: "SKIPPED" });

describe("computeResults", () => {
  it("all right: top level everywhere, full mastery", () => {
    const results = computeResults(snapshot, [ok("1.1-n3"), ok("4.2-n3"), ok("1.1-n4"), ok("4.2-n4"), ok("1.1-n5")]);
    expect(results.masteryRate).toBe(1);
    expect(
      results.competences.map((competence) => [competence.levelReached, competence.maxLevel, competence.masteryRate]),
    ).toEqual([
      [5, 5, 1],
      [4, 4, 1],
    ]);
    expect(results.missedChallengeIds).toEqual([]);
    expect(results).toMatchObject({ answeredCount: 5, correctCount: 5 });
  });

  it("all wrong: level 0 and no mastery", () => {
    const results = computeResults(snapshot, [ko("1.1-n3"), ko("4.2-n3"), ko("1.1-n2"), ko("4.2-n2"), ko("1.1-n1")]);
    expect(results.masteryRate).toBe(0);
    expect(results.competences.map((competence) => competence.levelReached)).toEqual([0, 0]);
    expect(results.missedChallengeIds).toEqual(["1.1-n3", "4.2-n3", "1.1-n2", "4.2-n2", "1.1-n1"]);
  });

  it("credits the questions below the level reached, never those above or failed", () => {
    const results = computeResults(snapshot, [ok("1.1-n3"), ko("4.2-n3"), ko("1.1-n4"), ok("4.2-n2")]);
    const [research, privacy] = results.competences;
    // 1.1: levels 1–3 acquired (3 right, 1–2 inferred), 4 failed, 5 never reached.
    expect(research).toMatchObject({
      levelReached: 3,
      acquiredCount: 3,
      totalCount: 5,
      masteryRate: 0.6,
      answeredCount: 2,
      correctCount: 1,
    });
    // 4.2: level 2 right, 3 failed, 4 above the failure.
    expect(privacy).toMatchObject({ levelReached: 2, acquiredCount: 1, totalCount: 3 });
    expect(privacy?.masteryRate).toBeCloseTo(1 / 3);
    expect(results.masteryRate).toBe(4 / 8);
  });

  it("a skipped question is missed like a wrong one", () => {
    const skipped = computeResults(snapshot, [skip("1.1-n3"), ok("4.2-n3")]);
    const wrong = computeResults(snapshot, [ko("1.1-n3"), ok("4.2-n3")]);
    expect(skipped.masteryRate).toBe(wrong.masteryRate);
    expect(skipped.missedChallengeIds).toEqual(["1.1-n3"]);
  });

  it("a campaign left unanswered scores zero", () => {
    const results = computeResults(snapshot, []);
    expect(results.masteryRate).toBe(0);
    expect(results.answeredCount).toBe(0);
  });
});

describe("computeResults with variants", () => {
  it("counts a skill once whichever variant was answered", () => {
    const twin = (level: number, letter: string): ChallengeSnapshot => ({
      ...challenge("1.1", level),
      id: `1.1-n${level}${letter}`,
      skill: `@tube${level}`,
    });
    const withVariants: CampaignSnapshot = {
      targetProfileId: "variants",
      competences: [{ id: "1.1", name: "Recherche", areaCode: "1" }],
      challenges: [1, 2, 3].flatMap((level) => [twin(level, "a"), twin(level, "b")]),
    };
    const results = computeResults(withVariants, [
      { challengeId: "1.1-n2b", result: "OK" },
      { challengeId: "1.1-n3a", result: "KO" },
    ]);
    expect(results.competences[0]).toMatchObject({
      levelReached: 2,
      maxLevel: 3,
      totalCount: 3,
      acquiredCount: 2,
      answeredCount: 2,
      correctCount: 1,
    });
    expect(results.masteryRate).toBeCloseTo(2 / 3);
    expect(results.missedChallengeIds).toEqual(["1.1-n3a"]);
  });
});
