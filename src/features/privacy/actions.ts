"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";

import { eraseLearner } from "./mutations";
import { eraseLearnerSchema } from "./schema";

/** Erasure of one learner, ADMIN only; then back to the Élèves list, which announces it. */
export const eraseLearnerAction = createAction({
  schema: eraseLearnerSchema,
  auth: "member",
  ability: "learners:erase",
  handler: async ({ learnerId }, { member }) => {
    await eraseLearner({
      schoolId: member.school.id,
      learnerId,
      actor: { userId: member.userId, role: member.role },
    });
    revalidatePath("/orga/eleves");
    redirect("/orga/eleves?effacement=fait");
  },
});
