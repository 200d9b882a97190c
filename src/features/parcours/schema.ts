import { z } from "zod";

/**
 * Shapes of the JSON files in `content/`. They only check each record on its own; the rules that
 * span records (ids unique, answer keys pointing at real proposals, parcours referencing known
 * questions…) live in `domain/content-rules.ts`.
 */

const text = z.string().trim().min(1);

export const areaSchema = z.strictObject({
  code: z.string().regex(/^[1-5]$/),
  name: text,
});

export const competenceSchema = z.strictObject({
  id: z.string().regex(/^[1-5]\.[1-9]$/),
  areaCode: z.string().regex(/^[1-5]$/),
  name: text,
});

export const frameworkSchema = z.strictObject({
  areas: z.array(areaSchema).min(1),
  competences: z.array(competenceSchema).min(1),
});

export const challengeTypeSchema = z.enum(["QCU", "QCM", "QROC", "QROCM", "QCU_IMAGE"]);

const imagePath = z.string().regex(/^\/illustrations\/[a-z0-9-]+\.svg$/);

export const contentChallengeSchema = z.strictObject({
  id: z.string().regex(/^[1-5]\.[1-9]-[a-z0-9-]+$/),
  competenceId: z.string(),
  /**
   * The acquis assessed, `@tubeN`: the tube (e.g. "@motsCles") followed by its level, e.g.
   * "@motsCles2". Questions with the same skill are its variants (2–3, equivalent).
   */
  skill: z.string().regex(/^@[A-Za-z][A-Za-z]*[1-8]$/),
  level: z.int().min(1).max(8),
  type: challengeTypeSchema,
  statement: text,
  /**
   * QCU/QCM: the choices; QCU_IMAGE: the choices, each with its `image` (an SVG of ours) and a
   * label that is its text alternative; QROCM: the fields, each with its label and `answers`
   * (accepted answers, compared like a QROC's).
   */
  proposals: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z]$/),
      label: text,
      image: imagePath.optional(),
      answers: z.array(text).min(1).optional(),
    }),
  ),
  /** QCU/QCU_IMAGE: [id]; QCM: the right ids; QROC: accepted answers; QROCM: empty (each field has its answers). */
  answerKey: z.array(text),
  explanation: text,
  /** "Pour aller plus loin": a few sentences shown after the explanation, no link needed. */
  furtherReading: text.optional(),
  illustration: z
    .strictObject({
      url: z.string().regex(/^\/illustrations\/[a-z0-9-]+\.(svg|png)$/),
      alt: text,
    })
    .optional(),
});

export const contentParcoursSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  description: text,
  durationMinutes: z.int().min(5).max(120),
  competenceIds: z.array(z.string()).min(1),
  /** The level aimed at in each declared competence, shown to teachers when they pick the parcours. */
  targetLevels: z.record(z.string(), z.int().min(1).max(8)),
  /**
   * "all": every question of the bank, in bank order; `{ fromLevel, toLevel }`: every question of
   * the declared competences within these levels, in bank order (grows with the bank); or a list.
   */
  challengeIds: z.union([
    z.literal("all"),
    z.strictObject({ fromLevel: z.int().min(1).max(8), toLevel: z.int().min(1).max(8) }),
    z.array(z.string()).min(1),
  ]),
});

export const contentChallengesSchema = z.array(contentChallengeSchema);
export const contentParcoursListSchema = z.array(contentParcoursSchema);

export type ContentFramework = z.infer<typeof frameworkSchema>;
export type ContentChallenge = z.infer<typeof contentChallengeSchema>;
export type ContentParcours = z.infer<typeof contentParcoursSchema>;
