import { z } from "zod";

import { privacyMessages } from "@/messages/fr/privacy";

/** A learner id from a URL or a bound form field: untrusted until scoped by school. */
export const learnerIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const eraseLearnerSchema = z.object({
  learnerId: learnerIdSchema,
  confirm: z.literal("on", { error: privacyMessages.erase.mustConfirm }),
});
