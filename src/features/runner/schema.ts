import { z } from "zod";

import { runnerText } from "@/messages/fr/runner";

import { MAX_TEXT_ANSWER_LENGTH } from "./domain/submission";

const campaignCode = z.string().trim().min(1).max(20);

export const submitAnswerSchema = z.object({
  code: campaignCode,
  challengeId: z.string().min(1).max(100),
  intent: z.enum(["answer", "skip"]),
  // A form posts one ticked box as a string, several as an array, none as nothing.
  choice: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().max(10)).max(20),
  ),
  text: z.string().max(MAX_TEXT_ANSWER_LENGTH, { message: runnerText.errors.textTooLong }).optional(),
  // A QROCM's fields, all named "field", in the question's order (empty ones included).
  field: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(z.string().max(MAX_TEXT_ANSWER_LENGTH, { message: runnerText.errors.textTooLong })).max(20),
  ),
});
export type SubmitAnswerInput = z.infer<typeof submitAnswerSchema>;

export const shareResultsSchema = z.object({ code: campaignCode });
export type ShareResultsInput = z.infer<typeof shareResultsSchema>;
