import { describe, expect, it } from "vitest";

import type { CampaignSnapshot } from "@/features/parcours/types";
import { computeResults } from "./scoring";
import { describeMissedQuestions } from "./results-view";

const snapshot: CampaignSnapshot = {
  targetProfileId: "t",
  competences: [{ id: "4.1", name: "Sécuriser l'environnement numérique", areaCode: "4" }],
  challenges: [
    {
      id: "4.1-a",
      competenceId: "4.1",
      skill: "@a",
      level: 3,
      type: "QCM",
      statement: "Cochez ?",
      proposals: [
        { id: "a", label: "Un" },
        { id: "b", label: "Deux" },
        { id: "c", label: "Trois" },
      ],
      answerKey: ["a", "c"],
      explanation: "Un et trois.",
      illustrationUrl: null,
      illustrationAlt: null,
    },
    {
      id: "4.1-b",
      competenceId: "4.1",
      skill: "@b",
      level: 2,
      type: "QROC",
      statement: "Sigle ?",
      proposals: [],
      answerKey: ["CNIL", "la CNIL"],
      explanation: "La CNIL.",
      furtherReading: "Le site cnil.fr explique vos droits.",
      illustrationUrl: null,
      illustrationAlt: null,
    },
    {
      id: "4.1-c",
      competenceId: "4.1",
      skill: "@c",
      level: 1,
      type: "QCU",
      statement: "Facile ?",
      proposals: [
        { id: "a", label: "Oui" },
        { id: "b", label: "Non" },
        { id: "c", label: "Peut-être" },
      ],
      answerKey: ["a"],
      explanation: "Oui.",
      illustrationUrl: null,
      illustrationAlt: null,
    },
  ],
};

describe("describeMissedQuestions", () => {
  it("explains each missed question with the student's answer and the right one, in order", () => {
    const answers = [
      { challengeId: "4.1-a", result: "KO", value: "a,b" },
      { challengeId: "4.1-b", result: "SKIPPED", value: "" },
      { challengeId: "4.1-c", result: "OK", value: "a" },
    ];
    const results = computeResults(
      snapshot,
      answers.map(({ challengeId, result }) => ({ challengeId, result: result as "OK" | "KO" | "SKIPPED" })),
    );
    expect(describeMissedQuestions(snapshot, results, answers)).toEqual([
      {
        challengeId: "4.1-a",
        competenceName: "Sécuriser l'environnement numérique",
        statement: "Cochez ?",
        wasSkipped: false,
        givenAnswer: ["Un", "Deux"],
        rightAnswer: ["Un", "Trois"],
        isTyped: false,
        fields: null,
        explanation: "Un et trois.",
        furtherReading: null,
      },
      {
        challengeId: "4.1-b",
        competenceName: "Sécuriser l'environnement numérique",
        statement: "Sigle ?",
        wasSkipped: true,
        givenAnswer: [],
        rightAnswer: ["CNIL"],
        isTyped: true,
        fields: null,
        explanation: "La CNIL.",
        furtherReading: "Le site cnil.fr explique vos droits.",
      },
    ]);
  });

  it("explains a missed QROCM field by field: what was typed and what was expected", () => {
    const qrocm: CampaignSnapshot = {
      ...snapshot,
      challenges: [
        {
          id: "4.1-t",
          competenceId: "4.1",
          skill: "@t",
          level: 2,
          type: "QROCM",
          statement: "Complétez.",
          proposals: [
            { id: "a", label: "Port du web chiffré" },
            { id: "b", label: "Port du web" },
          ],
          answerKey: [],
          fieldAnswers: { a: ["443"], b: ["80"] },
          explanation: "443 et 80.",
          illustrationUrl: null,
          illustrationAlt: null,
        },
      ],
    };
    const answers = [{ challengeId: "4.1-t", result: "KO", value: '{"a":"443","b":"8080"}' }];
    const results = computeResults(qrocm, [{ challengeId: "4.1-t", result: "KO" }]);
    const [missed] = describeMissedQuestions(qrocm, results, answers);
    expect(missed?.fields).toEqual([
      { label: "Port du web chiffré", given: "443", expected: "443", isRight: true },
      { label: "Port du web", given: "8080", expected: "80", isRight: false },
    ]);
    expect(missed?.givenAnswer).toEqual(["Port du web chiffré\u00a0: 443", "Port du web\u00a0: 8080"]);
    expect(missed?.rightAnswer).toEqual(["Port du web chiffré\u00a0: 443", "Port du web\u00a0: 80"]);
  });
});
