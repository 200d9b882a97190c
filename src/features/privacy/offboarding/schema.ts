import { z } from "zod";

import { privacyMessages } from "@/messages/fr/privacy";

export const requestOffboardingSchema = z.object({
  confirm: z.literal("on", { error: privacyMessages.offboarding.mustConfirm }),
});

export const cancelOffboardingSchema = z.object({});
