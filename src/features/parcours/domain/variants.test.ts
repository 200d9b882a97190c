import { describe, expect, it } from "vitest";
import type { AnswerRecord, CampaignSnapshot, ChallengeSnapshot } from "../types";
import { chooseNextChallenge, estimateProgress } from "./adaptive";
import { drawQuestions, groupSkills, variantIndex } from "./variants";

function variant(competenceId: string, level: number, letter: string): ChallengeSnapshot {
  return {
    id: `${competenceId}-n${level}${letter}`,
    competenceId,
    skill: `@tube${competenceId.replace(".", "")}x${level}`,
    level,
    type: "QCU",
    statement: `? ${letter}`,
    proposals: [
      { id: "a", label: "A" },
      { id: "b", label: "B" },
      { id: "c", label: "C" },
    ],
    answerKey: ["a"],
    explanation: "!",
    illustrationUrl: null,
    illustrationAlt: null,
  };
}

/** Two competences, levels 1–6, skills with 2 or 3 variants. */
const snapshot: CampaignSnapshot = {
  targetProfileId: "variants",
  competences: [
    { id: "1.1", name: "Recherche", areaCode: "1" },
    { id: "4.1", name: "Sécurité", areaCode: "4" },
  ],
  challenges: ["1.1", "4.1"].flatMap((competenceId) =>
    [1, 2, 3, 4, 5, 6].flatMap((level) =>
      (level % 2 === 0 ? ["a", "b", "c"] : ["a", "b"]).map((letter) => variant(competenceId, level, letter)),
    ),
  ),
};

function play(participationId: number, decide: (challenge: ChallengeSnapshot) => boolean): AnswerRecord[] {
  const answers: AnswerRecord[] = [];
  for (
    let next = chooseNextChallenge(snapshot, answers, participationId);
    next;
    next = chooseNextChallenge(snapshot, answers, participationId)
  ) {
    answers.push({ challengeId: next.id, result: decide(next) ? "OK" : "KO" });
    if (answers.length > 20) throw new Error("the runner never stops");
  }
  return answers;
}

const classOf30 = Array.from({ length: 30 }, (_, index) => 4817 + index);

describe("variants", () => {
  it("groups the questions by skill, in snapshot order", () => {
    const skills = groupSkills(snapshot.challenges);
    expect(skills).toHaveLength(12);
    expect(skills[0]).toMatchObject({ skill: "@tube11x1", competenceId: "1.1", level: 1 });
    expect(skills[0]!.variants.map((challenge) => challenge.id)).toEqual(["1.1-n1a", "1.1-n1b"]);
  });

  it("draws one variant per skill, the same every time for a participation (a resume shows the same one)", () => {
    for (const id of classOf30) {
      const drawn = drawQuestions(snapshot.challenges, id);
      expect(drawn).toHaveLength(12);
      expect(new Set(drawn.map((challenge) => challenge.skill)).size).toBe(12);
      expect(drawQuestions(structuredClone(snapshot.challenges), id)).toEqual(drawn);
    }
  });

  it("a participation answers one variant per skill; resuming after any answer asks the same next question", () => {
    const decide = (challenge: ChallengeSnapshot) => challenge.level <= 3;
    const answers = play(4821, decide);
    const skills = new Map(snapshot.challenges.map((challenge) => [challenge.id, challenge.skill]));
    expect(new Set(answers.map((answer) => skills.get(answer.challengeId))).size).toBe(answers.length);
    const drawn = new Set(drawQuestions(snapshot.challenges, 4821).map((challenge) => challenge.id));
    expect(answers.every((answer) => drawn.has(answer.challengeId))).toBe(true);
    for (let given = 0; given < answers.length; given += 1) {
      // A reload recomputes from the stored answers only.
      expect(chooseNextChallenge(snapshot, answers.slice(0, given), 4821)?.id).toBe(answers[given]!.challengeId);
    }
  });

  it("spreads a class of 30: each variant drawn about as often, students who join in a row never share a variant", () => {
    for (const skill of groupSkills(snapshot.challenges)) {
      const counts = new Array<number>(skill.variants.length).fill(0);
      for (const id of classOf30) counts[variantIndex(skill.skill, skill.variants.length, id)]! += 1;
      const fair = classOf30.length / skill.variants.length;
      for (const count of counts) expect(Math.abs(count - fair), skill.skill).toBeLessThanOrEqual(2);
    }
    const draws = classOf30.map(
      (id) => new Set(drawQuestions(snapshot.challenges, id).map((challenge) => challenge.id)),
    );
    const shared = (a: Set<string>, b: Set<string>) => [...a].filter((id) => b.has(id)).length / a.size;
    let total = 0;
    let pairs = 0;
    for (let i = 0; i < draws.length; i += 1) {
      for (let j = i + 1; j < draws.length; j += 1) {
        total += shared(draws[i]!, draws[j]!);
        pairs += 1;
      }
    }
    // Two classmates share fewer than half their questions on average (1/2 or 1/3 per skill).
    expect(total / pairs).toBeLessThan(0.5);
    // Consecutive ids inside a block of n never share; across a block boundary they may.
    const neighbours = draws.slice(1).map((draw, index) => shared(draws[index]!, draw));
    expect(neighbours.filter((value) => value === 0).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...neighbours)).toBeLessThan(1);
  });

  it("the path played depends on the skills only: the same answers per level give the same levels for everyone", () => {
    const decide = (challenge: ChallengeSnapshot) => challenge.level <= 4;
    const levels = (id: number) =>
      play(id, decide).map((answer) => snapshot.challenges.find((c) => c.id === answer.challengeId)!.level);
    const reference = levels(classOf30[0]!);
    for (const id of classOf30) expect(levels(id)).toEqual(reference);
    const questions = new Set(classOf30.flatMap((id) => play(id, decide).map((answer) => answer.challengeId)));
    expect(questions.size).toBeGreaterThan(reference.length * 2);
  });

  it("the estimate counts skills, not variants", () => {
    const oneVariant: CampaignSnapshot = {
      ...snapshot,
      challenges: snapshot.challenges.filter((challenge) => challenge.id.endsWith("a")),
    };
    expect(estimateProgress(snapshot, [])).toEqual(estimateProgress(oneVariant, []));
  });

  it("a skill with a single variant (campaigns created before variants) always gives it", () => {
    expect(variantIndex("@seul", 1, 12345)).toBe(0);
  });
});
