import { z } from "zod";

import { journalMessages } from "@/messages/fr/journal";

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: journalMessages.filters.invalidDate })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { error: journalMessages.filters.invalidDate });

/** The Journal's URL parameters. A malformed date is an error shown to the ADMIN (nothing is filtered on it). */
export const journalQuerySchema = z
  .object({
    action: z
      .preprocess(
        firstValue,
        z
          .string()
          .trim()
          .max(60)
          .regex(/^[a-z_.]*$/)
          .catch(""),
      )
      .default(""),
    from: z.preprocess(firstValue, z.union([z.literal(""), day]).optional()).default(""),
    to: z.preprocess(firstValue, z.union([z.literal(""), day]).optional()).default(""),
    page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: journalMessages.filters.invalidRange,
    path: ["to"],
  });
export type JournalQuery = z.infer<typeof journalQuerySchema>;

export const JOURNAL_PAGE_SIZE = 50;
