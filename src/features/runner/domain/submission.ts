import type { SubmittedAnswer } from "@/features/parcours/domain/answer-check";
import type { ChallengeSnapshot } from "@/features/parcours/types";

export const MAX_TEXT_ANSWER_LENGTH = 200;

/** `fields`: a QROCM's typed values, in the order of the question's fields (the form's order). */
export type RawSubmission = { intent: "answer" | "skip"; choices: string[]; text?: string; fields?: string[] };

export type SubmissionProblem =
  "NO_CHOICE" | "ONE_CHOICE_ONLY" | "UNKNOWN_CHOICE" | "EMPTY_TEXT" | "TEXT_TOO_LONG" | "EMPTY_FIELD" | "WRONG_FIELDS";

/**
 * What the form sent, checked against the question shown. A skip ignores whatever was ticked or
 * typed. An empty answer is refused rather than counted wrong: a mis-tap must not cost a level.
 */
export function readSubmission(
  challenge: Pick<ChallengeSnapshot, "type" | "proposals">,
  raw: RawSubmission,
):
  | { ok: true; answer: SubmittedAnswer | "skip" }
  | {
      ok: false;
      problem: SubmissionProblem;
      /** The fields left empty (EMPTY_FIELD), by label. */ fieldLabels?: string[];
    } {
  if (raw.intent === "skip") return { ok: true, answer: "skip" };
  if (challenge.type === "QROCM") {
    const typed = (raw.fields ?? []).map((value) => value.trim());
    // Another number of values than fields: a page out of date, not something to score.
    if (typed.length !== challenge.proposals.length) return { ok: false, problem: "WRONG_FIELDS" };
    if (typed.some((value) => value.length > MAX_TEXT_ANSWER_LENGTH)) return { ok: false, problem: "TEXT_TOO_LONG" };
    const empty = challenge.proposals.filter((_field, index) => typed[index] === "");
    if (empty.length > 0) return { ok: false, problem: "EMPTY_FIELD", fieldLabels: empty.map((field) => field.label) };
    return {
      ok: true,
      answer: {
        kind: "fields",
        values: Object.fromEntries(challenge.proposals.map((field, index) => [field.id, typed[index]!])),
      },
    };
  }
  if (challenge.type === "QROC") {
    const text = (raw.text ?? "").trim();
    if (text === "") return { ok: false, problem: "EMPTY_TEXT" };
    if (text.length > MAX_TEXT_ANSWER_LENGTH) return { ok: false, problem: "TEXT_TOO_LONG" };
    return { ok: true, answer: { kind: "text", text } };
  }
  const choices = [...new Set(raw.choices)];
  if (choices.length === 0) return { ok: false, problem: "NO_CHOICE" };
  const known = new Set(challenge.proposals.map((proposal) => proposal.id));
  if (choices.some((choice) => !known.has(choice))) return { ok: false, problem: "UNKNOWN_CHOICE" };
  if ((challenge.type === "QCU" || challenge.type === "QCU_IMAGE") && choices.length > 1)
    return { ok: false, problem: "ONE_CHOICE_ONLY" };
  return { ok: true, answer: { kind: "choices", choiceIds: choices } };
}
