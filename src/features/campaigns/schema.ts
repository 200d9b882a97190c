import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `${max} caractères au maximum.` })
    .optional()
    .transform((value) => (value ? value : null));

const id = z.coerce.number({ message: "Identifiant invalide." }).int().positive({ message: "Identifiant invalide." });

export const campaignIdSchema = id;

// No radio ticked posts no field at all: the message must still be French.
const targetProfileIdField = z
  .string({ message: "Choisissez un parcours." })
  .trim()
  .min(1, { message: "Choisissez un parcours." })
  .max(100, { message: "Choisissez un parcours." });

export const createCampaignSchema = z.object({
  name: z
    .string({ message: "Indiquez le nom de la campagne." })
    .trim()
    .min(1, { message: "Indiquez le nom de la campagne." })
    .max(255, { message: "255 caractères au maximum." }),
  targetProfileId: targetProfileIdField,
  division: optionalText(100),
  ownerId: id,
  title: optionalText(255),
  customLandingText: optionalText(5000),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const createCampaignsForClassesSchema = z.object({
  targetProfileId: targetProfileIdField,
  // A form posts one checked box as a string, several as an array, none as nothing.
  divisions: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string().trim().min(1).max(100), { message: "Choisissez au moins une classe." })
      .min(1, { message: "Choisissez au moins une classe." })
      .max(500, { message: "Choisissez au plus 500 classes." }),
  ),
});
export type CreateCampaignsForClassesInput = z.infer<typeof createCampaignsForClassesSchema>;

export const updateCampaignSchema = z.object({
  campaignId: id,
  name: createCampaignSchema.shape.name,
  ownerId: id,
  title: optionalText(255),
  customLandingText: optionalText(5000),
});
export type UpdateCampaignInput = z.infer<typeof updateCampaignSchema>;

export const archiveCampaignSchema = z.object({ campaignId: id });

/** Deleting a participation, or letting the student retry: the participation of that campaign. */
export const participationActionSchema = z.object({ campaignId: id, participationId: id });
export type ParticipationActionInput = z.infer<typeof participationActionSchema>;

/** *Supprimer la campagne* (nobody started it). */
export const deleteCampaignSchema = z.object({ campaignId: id });

/** *Dupliquer la campagne*: same parcours and texts, a new code, the class chosen (or none). */
export const duplicateCampaignSchema = z.object({
  campaignId: id,
  name: createCampaignSchema.shape.name,
  division: optionalText(100),
});
export type DuplicateCampaignInput = z.infer<typeof duplicateCampaignSchema>;
export type ArchiveCampaignInput = z.infer<typeof archiveCampaignSchema>;

function firstValue(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The list's URL parameters; anything unexpected falls back to the default instead of failing. */
export const campaignListQuerySchema = z.object({
  tab: z.preprocess(firstValue, z.enum(["mine", "all"]).catch("all")).default("all"),
  status: z.preprocess(firstValue, z.enum(["active", "archived"]).catch("active")).default("active"),
  q: z.preprocess(firstValue, z.string().trim().max(100).catch("")).default(""),
  division: z.preprocess(firstValue, z.string().trim().max(100).catch("")).default(""),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
export type CampaignListQuery = z.infer<typeof campaignListQuerySchema>;

export const PARTICIPANT_STATUS_FILTERS = ["all", "not-started", "in-progress", "finished", "shared"] as const;
export type ParticipantStatusFilter = (typeof PARTICIPANT_STATUS_FILTERS)[number];

/**
 * The Activité and Résultats tabs' filters, and the export's (URL parameters, so that a link keeps
 * them): class, status, sort. Anything unexpected falls back to the tab's default instead of
 * failing. Résultats lists shared results unless told otherwise; Activité and the export, everyone.
 */
export function participantFilterSchema(defaultStatus: ParticipantStatusFilter = "all") {
  return z.object({
    division: z.preprocess(firstValue, z.string().trim().max(100).catch("")).default(""),
    status: z.preprocess(firstValue, z.enum(PARTICIPANT_STATUS_FILTERS).catch(defaultStatus)).default(defaultStatus),
    sort: z.preprocess(firstValue, z.enum(["name", "mastery"]).catch("name")).default("name"),
  });
}
export type ParticipantFilter = z.infer<ReturnType<typeof participantFilterSchema>>;

/** A filter back to URL parameters, leaving out what equals the tab's default. */
export function participantFilterQuery(filter: ParticipantFilter, defaultStatus: ParticipantStatusFilter): string {
  const params = new URLSearchParams();
  if (filter.division) params.set("division", filter.division);
  if (filter.status !== defaultStatus) params.set("status", filter.status);
  if (filter.sort !== "name") params.set("sort", filter.sort);
  return params.toString();
}
