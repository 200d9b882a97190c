import { z } from "zod";

import { membersMessages as m } from "@/messages/fr/members";

import { isWellFormedUai, normalizeUai } from "./domain/uai";

const v = m.validation;

export const activationSchema = z.object({
  uai: z
    .string({ error: v.uaiRequired })
    .transform(normalizeUai)
    .pipe(z.string().min(1, { error: v.uaiRequired }).refine(isWellFormedUai, { error: v.uaiInvalid })),
});
export type ActivationInput = z.infer<typeof activationSchema>;
