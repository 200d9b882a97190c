import { describe, expect, it } from "vitest";

import { readSubmission } from "./submission";

const qcu = {
  type: "QCU" as const,
  proposals: [
    { id: "a", label: "A" },
    { id: "b", label: "B" },
    { id: "c", label: "C" },
  ],
};
const qcm = { ...qcu, type: "QCM" as const };
const qroc = { type: "QROC" as const, proposals: [] };

describe("readSubmission", () => {
  it("a skip is a skip whatever was ticked or typed", () => {
    expect(readSubmission(qcu, { intent: "skip", choices: ["a"] })).toEqual({ ok: true, answer: "skip" });
    expect(readSubmission(qroc, { intent: "skip", choices: [], text: "x" })).toEqual({ ok: true, answer: "skip" });
  });

  it("QCU: exactly one known proposal", () => {
    expect(readSubmission(qcu, { intent: "answer", choices: ["b"] })).toEqual({
      ok: true,
      answer: { kind: "choices", choiceIds: ["b"] },
    });
    expect(readSubmission(qcu, { intent: "answer", choices: [] })).toEqual({ ok: false, problem: "NO_CHOICE" });
    expect(readSubmission(qcu, { intent: "answer", choices: ["a", "b"] })).toEqual({
      ok: false,
      problem: "ONE_CHOICE_ONLY",
    });
    expect(readSubmission(qcu, { intent: "answer", choices: ["z"] })).toEqual({ ok: false, problem: "UNKNOWN_CHOICE" });
  });

  it("QCM: one or more known proposals, duplicates collapsed", () => {
    expect(readSubmission(qcm, { intent: "answer", choices: ["a", "c", "a"] })).toEqual({
      ok: true,
      answer: { kind: "choices", choiceIds: ["a", "c"] },
    });
    expect(readSubmission(qcm, { intent: "answer", choices: [] })).toEqual({ ok: false, problem: "NO_CHOICE" });
  });

  it("QROC: a non-empty text of reasonable length", () => {
    expect(readSubmission(qroc, { intent: "answer", choices: [], text: "  CNIL " })).toEqual({
      ok: true,
      answer: { kind: "text", text: "CNIL" },
    });
    expect(readSubmission(qroc, { intent: "answer", choices: [], text: "   " })).toEqual({
      ok: false,
      problem: "EMPTY_TEXT",
    });
    expect(readSubmission(qroc, { intent: "answer", choices: [] })).toEqual({ ok: false, problem: "EMPTY_TEXT" });
    expect(readSubmission(qroc, { intent: "answer", choices: [], text: "x".repeat(201) })).toEqual({
      ok: false,
      problem: "TEXT_TOO_LONG",
    });
  });

  it("QROCM: one value per field, none empty (named), none too long", () => {
    const table = {
      type: "QROCM" as const,
      proposals: [
        { id: "a", label: "Largeur" },
        { id: "b", label: "Hauteur" },
      ],
    };
    expect(readSubmission(table, { intent: "answer", choices: [], fields: [" 1920 ", "1080"] })).toEqual({
      ok: true,
      answer: { kind: "fields", values: { a: "1920", b: "1080" } },
    });
    expect(readSubmission(table, { intent: "answer", choices: [], fields: ["1920", " "] })).toEqual({
      ok: false,
      problem: "EMPTY_FIELD",
      fieldLabels: ["Hauteur"],
    });
    expect(readSubmission(table, { intent: "answer", choices: [], fields: ["1920"] })).toEqual({
      ok: false,
      problem: "WRONG_FIELDS",
    });
    expect(readSubmission(table, { intent: "answer", choices: [], fields: ["x".repeat(201), "1"] })).toEqual({
      ok: false,
      problem: "TEXT_TOO_LONG",
    });
    expect(readSubmission(table, { intent: "skip", choices: [], fields: [] })).toEqual({ ok: true, answer: "skip" });
  });

  it("QCU_IMAGE: exactly one known image, like a QCU", () => {
    const images = { ...qcu, type: "QCU_IMAGE" as const };
    expect(readSubmission(images, { intent: "answer", choices: ["a", "c"] })).toEqual({
      ok: false,
      problem: "ONE_CHOICE_ONLY",
    });
    expect(readSubmission(images, { intent: "answer", choices: ["c"] })).toEqual({
      ok: true,
      answer: { kind: "choices", choiceIds: ["c"] },
    });
  });
});
