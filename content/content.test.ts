import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAnswerCorrect, type SubmittedAnswer } from "@/features/parcours/domain/answer-check";
import { chooseNextChallenge, estimateProgress } from "@/features/parcours/domain/adaptive";
import type { AnswerRecord, CampaignSnapshot, ChallengeSnapshot, Content } from "@/features/parcours/types";
import { computeResults } from "@/features/runner/domain/scoring";
import { parseContent, rawContent, readContent } from "./load-content";

const content = readContent();
const publicDir = join(import.meta.dirname, "..", "public");

function snapshotOf(source: Content, parcoursId: string): CampaignSnapshot {
  const parcours = source.parcours.find((item) => item.id === parcoursId)!;
  const byId = new Map(source.challenges.map((challenge) => [challenge.id, challenge]));
  return {
    targetProfileId: parcours.id,
    competences: parcours.competenceIds.map((id) => source.competences.find((competence) => competence.id === id)!),
    challenges: parcours.challengeIds.map((id) => byId.get(id)!),
  };
}

function rightAnswer(challenge: ChallengeSnapshot): SubmittedAnswer {
  if (challenge.type === "QROCM")
    return {
      kind: "fields",
      values: Object.fromEntries(
        challenge.proposals.map((field) => [field.id, challenge.fieldAnswers![field.id]![0]!]),
      ),
    };
  return challenge.type === "QROC"
    ? { kind: "text", text: challenge.answerKey[0]! }
    : { kind: "choices", choiceIds: challenge.answerKey };
}

describe("the framework", () => {
  it("has the 5 areas and 16 competences of the Pix framework", () => {
    expect(content.areas.map((area) => `${area.code} ${area.name}`)).toEqual([
      "1 Informations et données",
      "2 Communication et collaboration",
      "3 Création de contenus",
      "4 Protection et sécurité",
      "5 Environnement numérique",
    ]);
    expect(content.competences.map((competence) => competence.id)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "2.1",
      "2.2",
      "2.3",
      "2.4",
      "3.1",
      "3.2",
      "3.3",
      "3.4",
      "4.1",
      "4.2",
      "4.3",
      "5.1",
      "5.2",
    ]);
    expect(content.competences.find((competence) => competence.id === "4.3")?.name).toBe(
      "Protéger la santé, le bien-être et l'environnement",
    );
  });
});

describe("the question bank", () => {
  it("holds 240 questions: every competence with skills at levels 1 to 6, every question with a text to go further", () => {
    expect(content.challenges.length).toBeGreaterThanOrEqual(240);
    for (const competence of content.competences) {
      const levels = new Set(
        content.challenges.filter((challenge) => challenge.competenceId === competence.id).map((c) => c.level),
      );
      for (const level of [1, 2, 3, 4, 5, 6]) expect(levels.has(level), `${competence.id} level ${level}`).toBe(true);
    }
    for (const challenge of content.challenges) {
      expect(challenge.furtherReading?.length ?? 0, challenge.id).toBeGreaterThan(40);
    }
    const types = new Set(content.challenges.map((challenge) => challenge.type));
    expect([...types].sort()).toEqual(["QCM", "QCU", "QCU_IMAGE", "QROC", "QROCM"]);
    for (const type of ["QROCM", "QCU_IMAGE"]) {
      expect(content.challenges.filter((challenge) => challenge.type === type).length, type).toBeGreaterThanOrEqual(6);
    }
  });

  it("every skill has 2 or 3 variants, of one competence and level", () => {
    const bySkill = new Map<string, ChallengeSnapshot[]>();
    for (const challenge of content.challenges)
      bySkill.set(challenge.skill, [...(bySkill.get(challenge.skill) ?? []), challenge]);
    expect(bySkill.size).toBeGreaterThanOrEqual(110);
    for (const [skill, variants] of bySkill) {
      expect(variants.length, skill).toBeGreaterThanOrEqual(2);
      expect(variants.length, skill).toBeLessThanOrEqual(3);
      expect(new Set(variants.map((variant) => `${variant.competenceId} ${variant.level}`)).size, skill).toBe(1);
    }
  });

  it("the lycée certification parcours reaches levels 7 and 8 on at least 8 competences", () => {
    const snapshot = snapshotOf(content, "certification-terminale");
    const reaching = snapshot.competences.filter((competence) => {
      const levels = snapshot.challenges.filter((c) => c.competenceId === competence.id).map((c) => c.level);
      return levels.includes(7) && levels.includes(8);
    });
    expect(reaching.length).toBeGreaterThanOrEqual(8);
  });

  it.each(content.challenges.map((challenge) => [challenge.id, challenge] as const))(
    "%s has a valid competence, level and answer key",
    (_id, challenge) => {
      expect(content.competences.map((competence) => competence.id)).toContain(challenge.competenceId);
      expect(Number.isInteger(challenge.level) && challenge.level >= 1 && challenge.level <= 8).toBe(true);
      expect(challenge.skill).toMatch(new RegExp(`^@[A-Za-z]+${challenge.level}$`));
      expect(challenge.skill).toMatch(/^@\w+$/);
      expect(challenge.statement.length).toBeGreaterThan(10);
      expect(challenge.explanation.length).toBeGreaterThan(20);
      const proposalIds = challenge.proposals.map((proposal) => proposal.id);

      switch (challenge.type) {
        case "QCU":
          expect(challenge.answerKey).toHaveLength(1);
          expect(proposalIds).toContain(challenge.answerKey[0]);
          break;
        case "QCU_IMAGE":
          expect(challenge.answerKey).toHaveLength(1);
          expect(proposalIds).toContain(challenge.answerKey[0]);
          expect(challenge.proposals.every((proposal) => proposal.imageUrl !== undefined)).toBe(true);
          break;
        case "QROCM": {
          expect(challenge.answerKey).toEqual([]);
          expect(challenge.proposals.length).toBeGreaterThanOrEqual(2);
          // Each accepted answer passes with the others right; one field wrong fails the question.
          const right = rightAnswer(challenge);
          if (right.kind !== "fields") throw new Error("a QROCM's right answer is per field");
          for (const field of challenge.proposals) {
            for (const accepted of challenge.fieldAnswers![field.id]!)
              expect(isAnswerCorrect(challenge, { ...right, values: { ...right.values, [field.id]: accepted } })).toBe(
                true,
              );
            expect(isAnswerCorrect(challenge, { ...right, values: { ...right.values, [field.id]: "zzz" } })).toBe(
              false,
            );
          }
          break;
        }
        case "QCM":
          expect(challenge.answerKey.length).toBeGreaterThanOrEqual(2);
          expect(challenge.answerKey.every((id) => proposalIds.includes(id))).toBe(true);
          expect(challenge.answerKey.length).toBeLessThan(proposalIds.length);
          expect(challenge.statement).toContain("Plusieurs réponses possibles");
          break;
        case "QROC":
          expect(challenge.proposals).toEqual([]);
          for (const variant of challenge.answerKey)
            expect(isAnswerCorrect(challenge, { kind: "text", text: variant })).toBe(true);
          break;
      }
      // The key is right, and no single wrong proposal passes.
      expect(isAnswerCorrect(challenge, rightAnswer(challenge))).toBe(true);
      for (const id of proposalIds.filter((id) => !challenge.answerKey.includes(id))) {
        expect(isAnswerCorrect(challenge, { kind: "choices", choiceIds: [id] })).toBe(false);
      }
    },
  );

  it("ships every image a QCU_IMAGE offers, each with its own text alternative", () => {
    const withImages = content.challenges.filter((challenge) => challenge.type === "QCU_IMAGE");
    for (const challenge of withImages) {
      for (const proposal of challenge.proposals) {
        const file = join(publicDir, proposal.imageUrl!);
        expect(existsSync(file), file).toBe(true);
        expect(proposal.label.length, `${challenge.id} ${proposal.id}`).toBeGreaterThan(15);
        const svg = readFileSync(file, "utf8");
        expect(svg).not.toMatch(/(?:href|src)\s*=\s*["']https?:/);
        expect(svg).not.toMatch(/@import|@font-face/);
      }
    }
  });

  it("ships every illustration it refers to, with a text alternative", () => {
    const illustrated = content.challenges.filter((challenge) => challenge.illustrationUrl !== null);
    expect(illustrated.length).toBeGreaterThanOrEqual(3);
    for (const challenge of illustrated) {
      const file = join(publicDir, challenge.illustrationUrl!);
      expect(existsSync(file), file).toBe(true);
      expect(challenge.illustrationAlt?.length ?? 0).toBeGreaterThan(20);
      if (file.endsWith(".svg")) {
        const svg = readFileSync(file, "utf8");
        // The browser talks to our origin only: no remote fonts or images inside the drawings.
        expect(svg).not.toMatch(/(?:href|src)\s*=\s*["']https?:/);
        expect(svg).not.toMatch(/@import|@font-face/);
      }
    }
  });
});

describe("skills and variants", () => {
  type RawChallenge = { id: string; skill: string; level: number; statement: string; competenceId: string };
  const alter = (change: (challenges: RawChallenge[]) => void) => {
    const copy = structuredClone(rawContent);
    change(copy.challenges as RawChallenge[]);
    return () => parseContent(copy);
  };

  it("refuses a skill whose suffix is not its level, more than 3 variants, and a repeated statement", () => {
    expect(alter((challenges) => (challenges[0]!.skill = "@adresseWeb2"))).toThrow(/does not end with the level 1/);
    expect(
      alter((challenges) => {
        const first = challenges[0]!;
        for (let index = 0; index < 3; index += 1)
          challenges.push({
            ...structuredClone(first),
            id: `${first.id}-copie${"abc"[index]}`,
            statement: `${first.statement} ${index}`,
          });
      }),
    ).toThrow(/5 variants \(2 to 3 needed\)/);
    expect(alter((challenges) => (challenges[1]!.statement = challenges[0]!.statement))).toThrow(/statement repeated/);
    // A skill left with a single variant: every student of a class would see the same question.
    expect(
      alter((challenges) => {
        const index = challenges.findIndex((challenge) => challenge.id === "1.1-adresse-directe");
        challenges.splice(index, 1);
      }),
    ).toThrow(/skills.@adresseWeb1: 1 variants \(2 to 3 needed\)/);
  });
});

describe("QROCM and QCU_IMAGE rules", () => {
  type RawProposal = { id: string; label: string; image?: string; answers?: string[] };
  type Raw = { id: string; type: string; answerKey: string[]; proposals: RawProposal[] };
  const alter = (id: string, change: (challenge: Raw) => void) => {
    const copy = structuredClone(rawContent);
    change((copy.challenges as Raw[]).find((challenge) => challenge.id === id)!);
    return () => parseContent(copy);
  };

  it("refuses a QROCM field without accepted answers, answers repeated once normalised, or a key outside the fields", () => {
    expect(alter("3.2-pixels-tableau", (c) => delete c.proposals[1]!.answers)).toThrow(
      /field b has no accepted answer/,
    );
    expect(alter("3.2-pixels-tableau", (c) => (c.proposals[0]!.answers = ["120000", "120 000"]))).toThrow(
      /field a: accepted answer "120000" repeated once normalised/,
    );
    expect(alter("3.2-pixels-tableau", (c) => (c.proposals[0]!.answers = ["..."]))).toThrow(/empty once normalised/);
    expect(alter("3.2-pixels-tableau", (c) => (c.answerKey = ["a"]))).toThrow(/not in answerKey/);
    expect(alter("3.2-pixels-tableau", (c) => (c.proposals = c.proposals.slice(0, 1)))).toThrow(/at least two fields/);
  });

  it("refuses a QCU_IMAGE choice without image or with a too short text alternative, and images elsewhere", () => {
    expect(alter("5.2-icone-dossier", (c) => delete c.proposals[2]!.image)).toThrow(/proposal c has no image/);
    expect(alter("5.2-icone-dossier", (c) => (c.proposals[0]!.label = "Dossier"))).toThrow(
      /the text alternative is too short/,
    );
    expect(alter("5.2-icone-dossier", (c) => (c.proposals[1]!.image = c.proposals[0]!.image))).toThrow(/used twice/);
    expect(alter("1.1-barre-adresse", (c) => (c.proposals[0]!.image = "/illustrations/icone-dossier.svg"))).toThrow(
      /only a QCU_IMAGE's proposals have images/,
    );
    expect(alter("1.1-barre-adresse", (c) => (c.proposals[0]!.answers = ["x"]))).toThrow(/only a QROCM's fields/);
  });
});

describe("the parcours", () => {
  it("are the six parcours by grade, each with a target level per competence and a duration that fits its length", () => {
    expect(content.parcours.map((parcours) => parcours.name)).toEqual([
      "Rentrée en 6e",
      "Cycle 4 — 5e/4e",
      "Se préparer à la certification — 3e",
      "Rentrée en seconde",
      "Se préparer à la certification — terminale",
      "Positionnement complet",
    ]);
    for (const parcours of content.parcours) {
      expect(Object.keys(parcours.targetLevels).sort(), parcours.id).toEqual([...parcours.competenceIds].sort());
      // About one to two and a half minutes a question, on the length announced at the start.
      const expected = estimateProgress(snapshotOf(content, parcours.id), []).estimatedTotal;
      expect(parcours.durationMinutes, parcours.id).toBeGreaterThanOrEqual(expected);
      expect(parcours.durationMinutes, parcours.id).toBeLessThanOrEqual(expected * 2.5);
    }
  });

  it.each(content.parcours.map((parcours) => [parcours.name, parcours] as const))(
    "%s covers what its description says",
    (_name, parcours) => {
      const snapshot = snapshotOf(content, parcours.id);
      const levels = snapshot.challenges.map((challenge) => challenge.level);
      const announced = /niveau (\d) à (\d)\.$/.exec(parcours.description);
      expect(announced, "the description ends with its levels").not.toBeNull();
      expect([Math.min(...levels), Math.max(...levels)]).toEqual([Number(announced![1]), Number(announced![2])]);

      // Exactly the declared competences, each with enough questions to adapt.
      expect([...new Set(snapshot.challenges.map((challenge) => challenge.competenceId))].sort()).toEqual(
        [...parcours.competenceIds].sort(),
      );
      for (const competenceId of parcours.competenceIds) {
        const questions = snapshot.challenges.filter((challenge) => challenge.competenceId === competenceId);
        expect(questions.length, competenceId).toBeGreaterThanOrEqual(3);
        expect(new Set(questions.map((challenge) => challenge.level)).size, competenceId).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it.each(content.parcours.map((parcours) => [parcours.name, parcours.id] as const))(
    "%s can be done to the end: all right gives full mastery, all wrong none, in a reasonable number of questions",
    (_name, parcoursId) => {
      const snapshot = snapshotOf(content, parcoursId);
      for (const [strategy, expected] of [
        ["right", 1],
        ["skip", 0],
      ] as const) {
        const answers: AnswerRecord[] = [];
        for (
          let next = chooseNextChallenge(snapshot, answers, 1);
          next;
          next = chooseNextChallenge(snapshot, answers, 1)
        ) {
          const result = strategy === "right" && isAnswerCorrect(next, rightAnswer(next)) ? "OK" : "SKIPPED";
          answers.push({ challengeId: next.id, result });
        }
        expect(computeResults(snapshot, answers).masteryRate).toBe(expected);
        expect(answers.length).toBeGreaterThanOrEqual(snapshot.competences.length * 2);
        // One level at a time from the middle: at most 5 questions on a ladder of 8 levels.
        expect(answers.length).toBeLessThanOrEqual(snapshot.competences.length * 5);
      }
    },
  );
});
