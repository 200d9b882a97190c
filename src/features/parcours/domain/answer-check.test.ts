import { describe, expect, it } from "vitest";
import { isAnswerCorrect, normalizeTypedAnswer, serializeAnswer } from "./answer-check";

const choices = (...choiceIds: string[]) => ({ kind: "choices" as const, choiceIds });
const text = (value: string) => ({ kind: "text" as const, text: value });

describe("normalizeTypedAnswer", () => {
  it("ignores case, accents and every kind of space", () => {
    expect(normalizeTypedAnswer("  En-Tête ")).toBe("en-tete");
    expect(normalizeTypedAnswer("EN\u00a0TÊTE")).toBe("entete");
    expect(normalizeTypedAnswer("480 000")).toBe("480000");
    expect(normalizeTypedAnswer("Ça\tva")).toBe("cava");
  });

  it("unifies apostrophes and quotation marks typed on phones", () => {
    expect(normalizeTypedAnswer("l’en-tête")).toBe(normalizeTypedAnswer("l'en-tête"));
    expect(normalizeTypedAnswer("« »")).toBe('""');
  });

  it("drops a trailing full stop but keeps inner punctuation", () => {
    expect(normalizeTypedAnswer("CNIL.")).toBe("cnil");
    expect(normalizeTypedAnswer("=SOMME(B2:B4)")).toBe("=somme(b2:b4)");
  });
});

describe("isAnswerCorrect", () => {
  it("QCU: right only with the single right proposal", () => {
    const challenge = { type: "QCU" as const, answerKey: ["b"] };
    expect(isAnswerCorrect(challenge, choices("b"))).toBe(true);
    expect(isAnswerCorrect(challenge, choices("a"))).toBe(false);
    expect(isAnswerCorrect(challenge, choices("a", "b"))).toBe(false);
    expect(isAnswerCorrect(challenge, choices())).toBe(false);
    expect(isAnswerCorrect(challenge, text("b"))).toBe(false);
  });

  it("QCM: right only with exactly the right proposals, in any order", () => {
    const challenge = { type: "QCM" as const, answerKey: ["a", "c"] };
    expect(isAnswerCorrect(challenge, choices("c", "a"))).toBe(true);
    expect(isAnswerCorrect(challenge, choices("a"))).toBe(false);
    expect(isAnswerCorrect(challenge, choices("a", "b", "c"))).toBe(false);
    expect(isAnswerCorrect(challenge, choices("b", "d"))).toBe(false);
  });

  it("QROC: any accepted variant after normalisation", () => {
    const challenge = { type: "QROC" as const, answerKey: ["en-tête", "entête", "l'en-tête"] };
    expect(isAnswerCorrect(challenge, text("En-tête"))).toBe(true);
    expect(isAnswerCorrect(challenge, text("EN TETE"))).toBe(true);
    expect(isAnswerCorrect(challenge, text("l’en-tete"))).toBe(true);
    expect(isAnswerCorrect(challenge, text("pied de page"))).toBe(false);
    expect(isAnswerCorrect(challenge, text("   "))).toBe(false);
    expect(isAnswerCorrect(challenge, choices("a"))).toBe(false);
  });

  it("QROC: a number with or without thousands separator", () => {
    const challenge = { type: "QROC" as const, answerKey: ["480000"] };
    expect(isAnswerCorrect(challenge, text("480 000"))).toBe(true);
    expect(isAnswerCorrect(challenge, text("48000"))).toBe(false);
  });
});

describe("serializeAnswer", () => {
  it("stores choices sorted and deduplicated, text trimmed", () => {
    expect(serializeAnswer(choices("c", "a", "c"))).toBe("a,c");
    expect(serializeAnswer(text("  guillemets "))).toBe("guillemets");
  });
});
