import { z } from "zod";

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The Élèves page's URL parameters; anything unexpected falls back to "no filter". */
export const learnerListQuerySchema = z.object({
  q: z.preprocess(firstValue, z.string().trim().max(100).catch("")).default(""),
  division: z.preprocess(firstValue, z.string().trim().max(100).catch("")).default(""),
  connection: z.preprocess(firstValue, z.enum(["GAR", "NONE", ""]).catch("")).default(""),
  joined: z.preprocess(firstValue, z.enum(["yes", "no", ""]).catch("")).default(""),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
export type LearnerListQuery = z.infer<typeof learnerListQuerySchema>;

export const LEARNERS_PAGE_SIZE = 50;

/** *Dissocier*: the learner whose account link is removed (of the member's current school). */
export const dissociateLearnerSchema = z.object({
  learnerId: z.coerce.number().int().positive().max(2_147_483_647),
});

/** A learner id from a URL or a form field: untrusted until scoped by school. */
export const learnerIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** *Afficher l'INE* on the learner page (ADMIN, audit-logged). */
export const revealIneSchema = z.object({ learnerId: learnerIdSchema });
