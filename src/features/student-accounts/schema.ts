import { z } from "zod";
import { isValidCampaignCode, normalizeCampaignCode } from "@/features/campaigns/domain/campaign-code";
import { accountsText } from "@/messages/fr/student-accounts";
import { parseBirthdate } from "./domain/birthdate";

const v = accountsText.validation;

export const campaignCodeSchema = z
  .string({ error: v.codeRequired })
  .transform(normalizeCampaignCode)
  .pipe(
    // The campaigns' own format (campaigns/domain/campaign-code.ts): anything else cannot be a code.
    z.string().min(1, { error: v.codeRequired }).refine(isValidCampaignCode, { error: v.codeUnknown }),
  );

export const joinCampaignSchema = z.object({ code: campaignCodeSchema });
export type JoinCampaignInput = z.infer<typeof joinCampaignSchema>;

const datePart = (required: string, invalid: string, min: number, max: number) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .regex(/^\d{1,4}$/, { error: invalid })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: invalid }).max(max, { error: invalid }));

export const reconcileSchema = z
  .object({
    code: campaignCodeSchema,
    day: datePart(v.dayRequired, v.dayInvalid, 1, 31),
    month: datePart(v.monthRequired, v.monthInvalid, 1, 12),
    year: datePart(v.yearRequired, v.yearInvalid, 1000, 9999),
  })
  .transform((input, ctx) => {
    const parsed = parseBirthdate(input, new Date());
    if (!parsed.ok) {
      ctx.addIssue({
        code: "custom",
        message: parsed.reason === "OUT_OF_RANGE" ? v.yearInvalid : v.dateInvalid,
        path: [parsed.reason === "OUT_OF_RANGE" ? "year" : "day"],
      });
      return z.NEVER;
    }
    return { code: input.code, birthdate: parsed.isoDate };
  });
export type ReconcileInput = z.infer<typeof reconcileSchema>;

export const acceptCguSchema = z.object({ returnTo: z.string().max(512).optional() });

/** Orga: unlocking a pupil blocked by wrong birth dates. */
export const unlockStudentSchema = z.object({ lockoutId: z.coerce.number().int().positive() });
