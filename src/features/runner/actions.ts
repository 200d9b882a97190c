"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { normalizeCampaignCode } from "@/features/campaigns/domain/campaign-code";
import { createAction } from "@/lib/action";

import { shareResults, submitAnswer } from "./mutations";
import { shareResultsSchema, submitAnswerSchema } from "./schema";

export const submitAnswerAction = createAction({
  schema: submitAnswerSchema,
  auth: "student",
  handler: async (input, { student }) => {
    const code = normalizeCampaignCode(input.code);
    const outcome = await submitAnswer({
      code,
      userId: student.userId,
      challengeId: input.challengeId,
      submission: { intent: input.intent, choices: input.choice, text: input.text, fields: input.field },
    });
    const isOver = outcome.kind === "FINISHED" || (outcome.kind === "ANSWERED" && outcome.isCompleted);
    if (isOver) revalidatePath("/");
    // A double submit or a stale tab lands on the current question, like a normal answer.
    redirect(`/campagnes/${code}/${isOver ? "resultats" : "question"}`);
  },
});

export const shareResultsAction = createAction({
  schema: shareResultsSchema,
  auth: "student",
  handler: async (input, { student }) => {
    const code = normalizeCampaignCode(input.code);
    await shareResults({ code, userId: student.userId });
    revalidatePath("/");
    redirect(`/campagnes/${code}/resultats`);
  },
});
