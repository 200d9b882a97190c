"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { privacyMessages } from "@/messages/fr/privacy";

import { cancelSchoolOffboarding, requestSchoolOffboarding } from "./mutations";
import { cancelOffboardingSchema, requestOffboardingSchema } from "./schema";

const t = privacyMessages.offboarding;

/** An ADMIN asks for the school's offboarding (erasure 3 months later unless cancelled). */
export const requestOffboardingAction = createAction({
  schema: requestOffboardingSchema,
  auth: "member",
  ability: "school:offboard",
  successMessage: t.requested,
  handler: async (_input, { member }) => {
    try {
      await requestSchoolOffboarding({
        schoolId: member.school.id,
        actor: { userId: member.userId, role: member.role },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONFLICT")
        throw new DomainError("CONFLICT", { userMessage: t.alreadyRequested });
      throw error;
    }
    revalidatePath("/orga/etablissement/depart");
  },
});

/** An ADMIN cancels a pending offboarding during the grace period; the page then says so. */
export const cancelOffboardingAction = createAction({
  schema: cancelOffboardingSchema,
  auth: "member",
  ability: "school:offboard",
  handler: async (_input, { member }) => {
    try {
      await cancelSchoolOffboarding({
        schoolId: member.school.id,
        actor: { userId: member.userId, role: member.role },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONFLICT")
        throw new DomainError("CONFLICT", { userMessage: t.nothingToCancel });
      throw error;
    }
    revalidatePath("/orga/etablissement/depart");
    redirect("/orga/etablissement/depart?annulation=faite");
  },
});
