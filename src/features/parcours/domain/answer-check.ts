import type { ChallengeSnapshot } from "../types";

/** What a student sends for one question: ticked proposals (QCU/QCM) or typed text (QROC). */
export type SubmittedAnswer = { kind: "choices"; choiceIds: string[] } | { kind: "text"; text: string };

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

export function isAnswerCorrect(
  challenge: Pick<ChallengeSnapshot, "type" | "answerKey">,
  answer: SubmittedAnswer,
): boolean {
  switch (challenge.type) {
    case "QCU":
      return (
        answer.kind === "choices" && answer.choiceIds.length === 1 && answer.choiceIds[0] === challenge.answerKey[0]
      );
    case "QCM":
      return answer.kind === "choices" && sameSet(answer.choiceIds, challenge.answerKey);
    case "QROC": {
      if (answer.kind !== "text") return false;
      const typed = normalizeTypedAnswer(answer.text);
      return typed.length > 0 && challenge.answerKey.some((variant) => normalizeTypedAnswer(variant) === typed);
    }
  }
}

/** How an answer is stored in `Answer.value`: choice ids sorted and comma-joined, or the text. */
export function serializeAnswer(answer: SubmittedAnswer): string {
  return answer.kind === "choices" ? [...new Set(answer.choiceIds)].sort().join(",") : answer.text.trim();
}
