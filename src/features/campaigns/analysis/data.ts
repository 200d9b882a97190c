import "server-only";

import { Prisma, prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { CampaignSnapshot, ParticipationResults } from "@/features/parcours/types";

import { analyseClass, type AnalysedParticipation, type ClassAnalysis } from "./domain/class-analysis";

/** Levels and rates from stored results, tolerant of a missing or older shape (a competence without a level is left out). */
function readCompetences(results: Prisma.JsonValue): AnalysedParticipation["competences"] {
  const stored = results as Partial<ParticipationResults> | null;
  return (stored?.competences ?? []).flatMap((competence) =>
    typeof competence?.competenceId === "string" && typeof competence.levelReached === "number"
      ? [
          {
            competenceId: competence.competenceId,
            levelReached: competence.levelReached,
            masteryRate: typeof competence.masteryRate === "number" ? competence.masteryRate : 0,
          },
        ]
      : [],
  );
}

function readTargetLevels(stored: Prisma.JsonValue): Record<string, number> {
  const levels: Record<string, number> = {};
  if (stored && typeof stored === "object" && !Array.isArray(stored)) {
    for (const [competenceId, level] of Object.entries(stored))
      if (typeof level === "number") levels[competenceId] = level;
  }
  return levels;
}

/**
 * The Analyse tab of a campaign of this school (NOT_FOUND otherwise): `analyseClass` over its
 * shared results — the active participations only, so an earlier attempt replaced by a retry
 * does not count twice — with the parcours' target levels as the content sets them; `division`
 * keeps one class's students (a school-wide campaign).
 */
export async function getCampaignAnalysis(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  options: { division?: string } = {},
  db: DbClient = prisma,
): Promise<ClassAnalysis> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, schoolId },
    select: {
      challengeSnapshot: true,
      targetProfile: { select: { targetLevels: true } },
      participations: {
        where: {
          deletedAt: null,
          status: "SHARED",
          results: { not: Prisma.DbNull },
          ...(options.division ? { learner: { division: options.division } } : {}),
        },
        select: {
          results: true,
          answers: { select: { challengeId: true, result: true }, orderBy: { id: "asc" } },
        },
      },
    },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  return analyseClass({
    snapshot: campaign.challengeSnapshot as unknown as CampaignSnapshot,
    targetLevels: readTargetLevels(campaign.targetProfile.targetLevels),
    participations: campaign.participations.map((participation) => ({
      competences: readCompetences(participation.results),
      answers: participation.answers,
    })),
  });
}
