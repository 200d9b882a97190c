import "server-only";

import { z } from "zod";

import { readContent } from "../../../content/load-content";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";

import type { CampaignSnapshot, ChallengeSnapshot, Competence, TargetProfileSummary } from "./types";

/** Content is global (the same parcours for every school): nothing here is scoped by school. */

const proposalsColumn = z.array(z.object({ id: z.string(), label: z.string(), imageUrl: z.string().optional() }));
const fieldAnswersColumn = z.record(z.string(), z.array(z.string()));
const answerKeyColumn = z.array(z.string());
const targetLevelsColumn = z.record(z.string(), z.number());

function competencesOf(ids: string[]): Competence[] {
  const framework = new Map(readContent().competences.map((competence) => [competence.id, competence]));
  return ids.map((id) => framework.get(id) ?? { id, name: id, areaCode: id.split(".")[0] ?? "" });
}

/** The order the content lists the parcours in, which is the order teachers see them in. */
function contentOrder(id: string): number {
  const index = readContent().parcours.findIndex((parcours) => parcours.id === id);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

/** Parcours a campaign can be created from, for the picker. */
export async function listTargetProfiles(db: DbClient = prisma): Promise<TargetProfileSummary[]> {
  const profiles = await db.targetProfile.findMany({
    where: { isArchived: false },
    select: {
      id: true,
      name: true,
      description: true,
      durationMinutes: true,
      competenceIds: true,
      targetLevels: true,
      _count: { select: { challenges: true } },
    },
  });
  return profiles
    .sort((a, b) => contentOrder(a.id) - contentOrder(b.id) || a.name.localeCompare(b.name, "fr"))
    .map((profile) => ({
      id: profile.id,
      name: profile.name,
      description: profile.description,
      durationMinutes: profile.durationMinutes,
      competences: competencesOf(profile.competenceIds),
      targetLevels: targetLevelsColumn.parse(profile.targetLevels),
      challengeCount: profile._count.challenges,
    }));
}

/**
 * The parcours' questions as they are now, to be frozen into a new campaign
 * (`Campaign.challengeSnapshot`). Throws NOT_FOUND for an unknown or archived parcours.
 */
export async function buildCampaignSnapshot(db: DbClient, targetProfileId: string): Promise<CampaignSnapshot> {
  const profile = await db.targetProfile.findFirst({
    where: { id: targetProfileId, isArchived: false },
    select: {
      id: true,
      competenceIds: true,
      challenges: {
        orderBy: { position: "asc" },
        select: {
          challenge: {
            select: {
              id: true,
              competenceId: true,
              skill: true,
              level: true,
              type: true,
              statement: true,
              proposals: true,
              answerKey: true,
              fieldAnswers: true,
              explanation: true,
              furtherReading: true,
              illustrationUrl: true,
              illustrationAlt: true,
            },
          },
        },
      },
    },
  });
  if (!profile || profile.challenges.length === 0) throw new DomainError("NOT_FOUND", { details: { targetProfileId } });

  const challenges: ChallengeSnapshot[] = profile.challenges.map(({ challenge }) => ({
    ...challenge,
    furtherReading: challenge.furtherReading === "" ? null : challenge.furtherReading,
    proposals: proposalsColumn.parse(challenge.proposals),
    answerKey: answerKeyColumn.parse(challenge.answerKey),
    // Only a QROCM carries accepted answers per field; the other snapshots stay as they were.
    fieldAnswers: challenge.type === "QROCM" ? fieldAnswersColumn.parse(challenge.fieldAnswers) : undefined,
  }));
  return { targetProfileId: profile.id, competences: competencesOf(profile.competenceIds), challenges };
}
