"use server";

import { revalidatePath } from "next/cache";

import { createAction } from "@/lib/action";

import { dissociateLearner } from "./mutations";
import { dissociateLearnerSchema } from "./schema";

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
    return { learnerId };
  },
});
