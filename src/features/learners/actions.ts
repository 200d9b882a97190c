"use server";

import { revalidatePath } from "next/cache";

import { createAction } from "@/lib/action";

import { dissociateLearner, revealLearnerIne } from "./mutations";
import { dissociateLearnerSchema, revealIneSchema } from "./schema";

/** *Dissocier*: ADMIN or MEMBER of a school that manages students (checked in the mutation). */
export const dissociateLearnerAction = createAction({
  schema: dissociateLearnerSchema,
  auth: "member",
  handler: async ({ learnerId }, { member }) => {
    await dissociateLearner({
      schoolId: member.school.id,
      learnerId,
      actor: { userId: member.userId, role: member.role },
    });
    revalidatePath("/orga/eleves");
    revalidatePath(`/orga/eleves/${learnerId}`);
    return { learnerId };
  },
});

/** *Afficher l'INE* (learner page): ADMIN only, audit-logged; the INE comes back in the state, never in a URL. */
export const revealLearnerIneAction = createAction({
  schema: revealIneSchema,
  auth: "member",
  ability: "learners:reveal-ine",
  handler: async ({ learnerId }, { member }) =>
    revealLearnerIne({ schoolId: member.school.id, learnerId, actor: { userId: member.userId, role: member.role } }),
});
