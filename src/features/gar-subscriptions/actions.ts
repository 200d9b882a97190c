"use server";

import { revalidatePath } from "next/cache";

import { createAction } from "@/lib/action";
import { DomainError } from "@/lib/errors";
import { subscriptionMessages as m } from "@/messages/fr/gar-subscriptions";

import { retrySchoolSubscription, subscriptionDepsFromEnv } from "./mutations";
import { retrySubscriptionSchema } from "./schema";

/** The checklist's "Créer l'abonnement / Réessayer maintenant": one call to the GAR now, recorded. */
export const retrySubscriptionAction = createAction({
  schema: retrySubscriptionSchema,
  auth: "member",
  ability: "gar-subscription:manage",
  handler: async (_input, { member }) => {
    const deps = subscriptionDepsFromEnv();
    if (!deps) throw new DomainError("CONFLICT", { userMessage: m.notManaged });
    const outcome = await retrySchoolSubscription(member.school.id, deps);
    revalidatePath("/orga", "layout");
    if (outcome.outcome === "FAILED") throw new DomainError("CONFLICT", { userMessage: m.failed });
    if (outcome.outcome === "NOT_FOUND") throw new DomainError("CONFLICT", { userMessage: m.notGar });
    if (outcome.outcome === "BUSY") throw new DomainError("BUSY", { userMessage: m.busy });
    return { outcome: outcome.outcome };
  },
  successMessage: m.done,
});
