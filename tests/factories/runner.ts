import { buildCampaignSnapshot } from "../../src/features/parcours/data";
import { loadContent } from "../../src/features/parcours/mutations";
import { startParticipation } from "../../src/features/runner/mutations";
import { prisma } from "../../src/lib/db";
import { createCampaign } from "./campaigns";
import { createGarStudentUser, createLearner } from "./learners";
import { createMember, createSchool } from "./schools";

let sequence = 0;

/** A school with the repository's content loaded and a campaign created from a real parcours. */
export async function createContentCampaign(
  options: { targetProfileId?: string; code?: string; division?: string | null } = {},
) {
  await loadContent(prisma);
  const school = await createSchool();
  const owner = await createMember({ schoolId: school.id, role: "ADMIN" });
  const targetProfileId = options.targetProfileId ?? "rentree-6e";
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.userId,
    targetProfileId,
    code: options.code,
    division: options.division,
    snapshot: await buildCampaignSnapshot(prisma, targetProfileId),
  });
  return { school, owner, campaign };
}

/** A GAR student linked to a learner of the school, with a started participation. */
export async function createParticipant(options: {
  schoolId: number;
  campaignId: number;
  division?: string;
  firstName?: string;
  lastName?: string;
}) {
  const n = ++sequence;
  const user = await createGarStudentUser({
    garId: `IDO-RUNNER-${n}-${Date.now()}`,
    firstName: options.firstName,
    lastName: options.lastName,
  });
  const learner = await createLearner(options.schoolId, {
    userId: user.id,
    division: options.division ?? "6E A",
    firstName: options.firstName,
    lastName: options.lastName,
  });
  const { participationId } = await startParticipation({
    campaignId: options.campaignId,
    learnerId: learner.id,
    userId: user.id,
  });
  return { user, learner, participationId };
}

/** A participation finished and shared, with results as the runner records them (no competence detail). */
export async function createSharedParticipation(options: {
  campaignId: number;
  learnerId: number;
  userId: number;
  masteryRate: number;
}) {
  const answeredCount = 4;
  const correctCount = Math.round(options.masteryRate * answeredCount);
  const now = new Date();
  return prisma.participation.create({
    data: {
      schoolId: await campaignSchoolId(options.campaignId),
      campaignId: options.campaignId,
      learnerId: options.learnerId,
      userId: options.userId,
      status: "SHARED",
      masteryRate: options.masteryRate,
      results: {
        version: 1,
        masteryRate: options.masteryRate,
        answeredCount,
        correctCount,
        competences: [],
        missedChallengeIds: [],
      },
      completedAt: now,
      sharedAt: now,
    },
  });
}

/** The school a participation row must carry (its campaign's), for tests that insert rows directly. */
export async function campaignSchoolId(campaignId: number): Promise<number> {
  return (await prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { schoolId: true } })).schoolId;
}
