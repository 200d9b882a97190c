import { describe, expect, it } from "vitest";

import type { ParticipationResults } from "@/features/parcours/types";

import { describeParticipantResult } from "./participant-result";

const snapshot = {
  targetProfileId: "tp",
  competences: [
    { id: "1.1", name: "Mener une recherche", areaCode: "1" },
    { id: "4.1", name: "Sécuriser", areaCode: "4" },
  ],
  challenges: [
    { id: "q1", competenceId: "1.1", statement: "Question 1 ?" },
    { id: "q2", competenceId: "4.1", statement: "Question 2 ?" },
    { id: "q3", competenceId: "4.1", statement: "Question 3 ?" },
  ],
} as never;

const competence = (competenceId: string, name: string, masteryRate: number) => ({
  competenceId,
  name,
  areaCode: competenceId[0]!,
  levelReached: 2,
  maxLevel: 4,
  acquiredCount: 1,
  totalCount: 2,
  masteryRate,
  answeredCount: 1,
  correctCount: 1,
});

const results: ParticipationResults = {
  version: 1,
  masteryRate: 0.5,
  answeredCount: 3,
  correctCount: 1,
  // Listed out of the campaign's order on purpose.
  competences: [competence("4.1", "Sécuriser", 0.25), competence("1.1", "Mener une recherche", 1)],
  missedChallengeIds: ["q2", "q3"],
};

describe("describeParticipantResult", () => {
  it("groups the questions met under their competence, in the campaign's order, right, wrong or skipped", () => {
    const described = describeParticipantResult(snapshot, results, [
      { challengeId: "q2", result: "KO" },
      { challengeId: "q1", result: "OK" },
      { challengeId: "q3", result: "SKIPPED" },
    ]);
    expect(described.map((row) => row.competenceId)).toEqual(["1.1", "4.1"]);
    expect(described[0]).toMatchObject({ levelReached: 2, maxLevel: 4, masteryRate: 1 });
    expect(described[0]!.questions).toEqual([{ challengeId: "q1", statement: "Question 1 ?", result: "OK" }]);
    expect(described[1]!.questions).toEqual([
      { challengeId: "q2", statement: "Question 2 ?", result: "KO" },
      { challengeId: "q3", statement: "Question 3 ?", result: "SKIPPED" },
    ]);
  });

  it("ignores an answer to a question no longer in the snapshot", () => {
    const described = describeParticipantResult(snapshot, results, [{ challengeId: "gone", result: "OK" }]);
    expect(described.flatMap((row) => row.questions)).toEqual([]);
  });

  it("shows a QROCM field by field: typed, expected, right or not (not for a skip)", () => {
    const qrocm = {
      targetProfileId: "tp",
      competences: [{ id: "1.1", name: "Mener une recherche", areaCode: "1" }],
      challenges: [
        {
          id: "t1",
          competenceId: "1.1",
          type: "QROCM",
          statement: "Complétez.",
          proposals: [
            { id: "a", label: "Extension d'une page web" },
            { id: "b", label: "Extension d'une image" },
          ],
          fieldAnswers: { a: ["html", ".html"], b: ["png", "jpg"] },
        },
        { id: "t2", competenceId: "1.1", type: "QROCM", statement: "Passée.", proposals: [], fieldAnswers: {} },
      ],
    } as never;
    const described = describeParticipantResult(qrocm, { ...results, competences: [competence("1.1", "M", 0)] }, [
      { challengeId: "t1", result: "KO", value: '{"a":".HTML","b":"gif"}' },
      { challengeId: "t2", result: "SKIPPED", value: "" },
    ]);
    expect(described[0]!.questions).toEqual([
      {
        challengeId: "t1",
        statement: "Complétez.",
        result: "KO",
        fields: [
          { label: "Extension d'une page web", given: ".HTML", expected: "html", isRight: true },
          { label: "Extension d'une image", given: "gif", expected: "png", isRight: false },
        ],
      },
      { challengeId: "t2", statement: "Passée.", result: "SKIPPED" },
    ]);
  });
});
