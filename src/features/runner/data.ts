import "server-only";

import type { CampaignSnapshot } from "@/features/parcours/types";
import { prisma, type DbClient } from "@/lib/db";

import type { AnswerRecord, ParticipationResults } from "./types";

/**
 * Reads of the student side. A student is not a member of a school: every read is scoped by
 * the signed-in user's id, so a participation is only ever visible to the user it belongs to.
 */

export type RunnerCampaign = {
  id: number;
  code: string;
  title: string;
  customLandingText: string | null;
  isArchived: boolean;
  schoolName: string;
  snapshot: CampaignSnapshot;
};

export type RunnerParticipation = {
  id: number;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  /** In the order given: the adaptive choice replays them. */
  answers: (AnswerRecord & { value: string })[];
  results: ParticipationResults | null;
  completedAt: Date | null;
  sharedAt: Date | null;
};

export type RunnerView = { campaign: RunnerCampaign; participation: RunnerParticipation | null };

/** The campaign with this code and the user's active participation in it, or null for an unknown code. */
export async function getRunnerView(userId: number, code: string, db: DbClient = prisma): Promise<RunnerView | null> {
  const campaign = await db.campaign.findUnique({
    where: { code },
    select: {
      id: true,
      code: true,
      name: true,
      title: true,
      customLandingText: true,
      archivedAt: true,
      challengeSnapshot: true,
      school: { select: { name: true } },
      participations: {
        where: { userId, deletedAt: null },
        orderBy: { id: "desc" },
        take: 1,
        select: {
          id: true,
          status: true,
          results: true,
          completedAt: true,
          sharedAt: true,
          answers: { orderBy: { id: "asc" }, select: { challengeId: true, result: true, value: true } },
        },
      },
    },
  });
  if (!campaign) return null;
  const participation = campaign.participations[0];
  return {
    campaign: {
      id: campaign.id,
      code: campaign.code,
      title: campaign.title ?? campaign.name,
      customLandingText: campaign.customLandingText,
      isArchived: campaign.archivedAt !== null,
      schoolName: campaign.school.name,
      // Written by buildCampaignSnapshot when the campaign was created, never edited since.
      snapshot: campaign.challengeSnapshot as unknown as CampaignSnapshot,
    },
    participation: participation
      ? {
          id: participation.id,
          status: participation.status,
          answers: participation.answers,
          results: participation.results as unknown as ParticipationResults | null,
          completedAt: participation.completedAt,
          sharedAt: participation.sharedAt,
        }
      : null,
  };
}
