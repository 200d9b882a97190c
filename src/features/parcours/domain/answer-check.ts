import type { ChallengeSnapshot } from "../types";

/**
 * What a student sends for one question: ticked proposals (QCU/QCM/QCU_IMAGE), typed text
 * (QROC), or one typed text per field (QROCM, keyed by field id).
 */
export type SubmittedAnswer =
  | { kind: "choices"; choiceIds: string[] }
  | { kind: "text"; text: string }
  | { kind: "fields"; values: Record<string, string> };

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Typed answers are compared loosely: students type on phones with autocorrect, with or without
 * accents and capitals, and phone keyboards insert curly apostrophes and non-breaking spaces.
 * A trailing full stop is a habit, not an answer.
 */
export function normalizeTypedAnswer(text: string): string {
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u00ab\u00bb\u201c\u201d]/g, '"')
    .replace(/\s+/g, "")
    .replace(/[.!]+$/, "");
}

function sameSet(left: string[], right: string[]): boolean {
  const a = new Set(left);
  const b = new Set(right);
  return a.size === b.size && [...a].every((item) => b.has(item));
}

function matchesAccepted(typed: string, accepted: string[]): boolean {
  const normalized = normalizeTypedAnswer(typed);
  return normalized.length > 0 && accepted.some((variant) => normalizeTypedAnswer(variant) === normalized);
}

export type FieldCheck = { fieldId: string; label: string; given: string; accepted: string[]; isRight: boolean };

/**
 * A QROCM field by field, in the question's order: what was typed, what is accepted, whether it
 * matches (same loose comparison as a QROC). A field left out counts as empty, hence wrong.
 */
export function checkFields(
  challenge: Pick<ChallengeSnapshot, "proposals" | "fieldAnswers">,
  values: Record<string, string>,
): FieldCheck[] {
  return challenge.proposals.map((field) => {
    const accepted = challenge.fieldAnswers?.[field.id] ?? [];
    const given = values[field.id] ?? "";
    return { fieldId: field.id, label: field.label, given, accepted, isRight: matchesAccepted(given, accepted) };
  });
}

export function isAnswerCorrect(
  challenge: Pick<ChallengeSnapshot, "type" | "answerKey"> &
    Partial<Pick<ChallengeSnapshot, "proposals" | "fieldAnswers">>,
  answer: SubmittedAnswer,
): boolean {
  switch (challenge.type) {
    case "QROCM": {
      // All fields right, or the question is wrong: a table half filled is not the skill.
      const fields = challenge.proposals ?? [];
      if (answer.kind !== "fields" || fields.length === 0) return false;
      return checkFields({ proposals: fields, fieldAnswers: challenge.fieldAnswers }, answer.values).every(
        (field) => field.isRight,
      );
    }
    case "QCU":
    case "QCU_IMAGE":
      return (
        answer.kind === "choices" && answer.choiceIds.length === 1 && answer.choiceIds[0] === challenge.answerKey[0]
      );
    case "QCM":
      return answer.kind === "choices" && sameSet(answer.choiceIds, challenge.answerKey);
    case "QROC": {
      if (answer.kind !== "text") return false;
      return matchesAccepted(answer.text, challenge.answerKey);
    }
  }
}

/**
 * How an answer is stored in `Answer.value`: choice ids sorted and comma-joined, the text, or
 * for a QROCM a JSON object of the trimmed text per field id (`readFieldsAnswer` reads it back).
 */
export function serializeAnswer(answer: SubmittedAnswer): string {
  switch (answer.kind) {
    case "choices":
      return [...new Set(answer.choiceIds)].sort().join(",");
    case "text":
      return answer.text.trim();
    case "fields":
      return JSON.stringify(
        Object.fromEntries(Object.entries(answer.values).map(([fieldId, text]) => [fieldId, text.trim()])),
      );
  }
}

/** A stored QROCM answer back to its values per field; anything unreadable is no values. */
export function readFieldsAnswer(value: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}
