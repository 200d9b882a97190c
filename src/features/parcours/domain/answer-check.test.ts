import { describe, expect, it } from "vitest";
import { checkFields, isAnswerCorrect, normalizeTypedAnswer, readFieldsAnswer, serializeAnswer } from "./answer-check";

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

describe("QROCM (several fields in one question)", () => {
  const fields = (values: Record<string, string>) => ({ kind: "fields" as const, values });
  const table = {
    type: "QROCM" as const,
    answerKey: [],
    proposals: [
      { id: "a", label: "1 Ko en octets" },
      { id: "b", label: "1 Mo en Ko" },
    ],
    fieldAnswers: { a: ["1000", "mille"], b: ["1000", "mille"] },
  };

  it("is right only when every field is right, each compared like a QROC", () => {
    expect(isAnswerCorrect(table, fields({ a: "1 000", b: "Mille." }))).toBe(true);
    expect(isAnswerCorrect(table, fields({ a: "1000", b: "1024" }))).toBe(false);
    expect(isAnswerCorrect(table, fields({ a: "1000" }))).toBe(false);
    expect(isAnswerCorrect(table, fields({ a: "", b: "" }))).toBe(false);
  });

  it("refuses another kind of answer and a question without fields", () => {
    expect(isAnswerCorrect(table, text("1000"))).toBe(false);
    expect(isAnswerCorrect({ ...table, proposals: [] }, fields({}))).toBe(false);
  });

  it("says field by field what was typed and what is accepted", () => {
    expect(checkFields(table, { a: "mille", b: "1024" })).toEqual([
      { fieldId: "a", label: "1 Ko en octets", given: "mille", accepted: ["1000", "mille"], isRight: true },
      { fieldId: "b", label: "1 Mo en Ko", given: "1024", accepted: ["1000", "mille"], isRight: false },
    ]);
  });

  it("stores the fields as JSON and reads them back; unreadable values are no values", () => {
    const stored = serializeAnswer(fields({ a: " 1000 ", b: "mille" }));
    expect(stored).toBe('{"a":"1000","b":"mille"}');
    expect(readFieldsAnswer(stored)).toEqual({ a: "1000", b: "mille" });
    expect(readFieldsAnswer("a,b")).toEqual({});
    expect(readFieldsAnswer('["x"]')).toEqual({});
    expect(readFieldsAnswer('{"a":1,"b":"x"}')).toEqual({ b: "x" });
  });
});

describe("QCU_IMAGE (one choice among images)", () => {
  it("is right only with the single right image", () => {
    const challenge = { type: "QCU_IMAGE" as const, answerKey: ["c"] };
    expect(isAnswerCorrect(challenge, choices("c"))).toBe(true);
    expect(isAnswerCorrect(challenge, choices("a"))).toBe(false);
    expect(isAnswerCorrect(challenge, choices("a", "c"))).toBe(false);
  });
});
