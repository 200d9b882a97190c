import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";

import { createCampaign } from "../../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../../tests/factories/learners";
import { createMember, createSchool } from "../../../../tests/factories/schools";
import { authorizedSchoolId } from "../../../../tests/factories/session";
import { getCampaignAnalysis } from "./data";

type Result = "OK" | "KO" | "SKIPPED";

const names: Record<string, string> = {
  "1.1": "Mener une recherche et une veille d'information",
  "4.1": "Sécuriser l'environnement numérique",
};

let sequence = 0;

/**
 * One participation as the runner leaves it: results frozen with the level reached per competence
 * (testSnapshot: 1.1 has one question at level 3; 4.1 one at level 3 and one at level 4), and its answers.
 */
async function participate(
  campaignId: number,
  schoolId: number,
  options: {
    status?: "STARTED" | "TO_SHARE" | "SHARED";
    levels: Record<string, [level: number, mastery: number]>;
    answers: [challengeId: string, result: Result][];
    replacedByRetry?: boolean;
    learnerId?: number;
  },
) {
  const n = ++sequence;
  const user = await createGarStudentUser({ garId: `ido-analysis-${n}` });
  const learnerId = options.learnerId ?? (await createLearner(schoolId, { userId: user.id, division: "5E A" })).id;
  const status = options.status ?? "SHARED";
  const participation = await prisma.participation.create({
    data: {
      schoolId,
      campaignId,
      learnerId,
      userId: user.id,
      status,
      completedAt: status === "STARTED" ? null : new Date(),
      sharedAt: status === "SHARED" ? new Date() : null,
      deletedAt: options.replacedByRetry ? new Date() : null,
      retriedAt: options.replacedByRetry ? new Date() : null,
      results:
        status === "STARTED"
          ? undefined
          : {
              version: 1,
              masteryRate: 0.5,
              answeredCount: options.answers.length,
              correctCount: options.answers.filter(([, result]) => result === "OK").length,
              competences: Object.entries(options.levels).map(([competenceId, [levelReached, masteryRate]]) => ({
                competenceId,
                name: names[competenceId],
                areaCode: competenceId[0],
                levelReached,
                maxLevel: competenceId === "1.1" ? 3 : 4,
                acquiredCount: 0,
                totalCount: competenceId === "1.1" ? 1 : 2,
                masteryRate,
                answeredCount: 0,
                correctCount: 0,
              })),
              missedChallengeIds: options.answers.filter(([, result]) => result !== "OK").map(([id]) => id),
            },
    },
  });
  await prisma.answer.createMany({
    data: options.answers.map(([challengeId, result]) => ({
      schoolId,
      participationId: participation.id,
      challengeId,
      value: result === "SKIPPED" ? "" : "x",
      result,
    })),
  });
  return { participationId: participation.id, learnerId };
}

/** A known class of four shared results, and participations that must not count. */
async function knownClass() {
  const school = await createSchool();
  const other = await createSchool();
  const owner = await createMember({ schoolId: school.id, role: "MEMBER" });
  const outsider = await createMember({ schoolId: other.id, role: "ADMIN" });
  const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "5E A" });
  await prisma.targetProfile.update({
    where: { id: campaign.targetProfileId },
    data: { targetLevels: { "1.1": 3, "4.1": 4 } },
  });

  await participate(campaign.id, school.id, {
    levels: { "1.1": [3, 1], "4.1": [4, 1] },
    answers: [
      ["ch-test-1", "OK"],
      ["ch-test-2", "OK"],
      ["ch-test-3", "OK"],
    ],
  });
  const retried = await participate(campaign.id, school.id, {
    levels: { "1.1": [0, 0], "4.1": [3, 0.5] },
    answers: [
      ["ch-test-1", "KO"],
      ["ch-test-2", "OK"],
      ["ch-test-3", "SKIPPED"],
    ],
  });
  await participate(campaign.id, school.id, {
    levels: { "1.1": [0, 0], "4.1": [0, 0] },
    answers: [
      ["ch-test-1", "SKIPPED"],
      ["ch-test-2", "KO"],
    ],
  });
  await participate(campaign.id, school.id, {
    levels: { "1.1": [3, 1], "4.1": [3, 0.5] },
    answers: [
      ["ch-test-1", "OK"],
      ["ch-test-2", "OK"],
      ["ch-test-3", "KO"],
    ],
  });

  // None of these count: an earlier attempt replaced by a retry (the learner's current one is
  // above), results not shared yet, a participation in progress, another campaign's results.
  const allWrong = {
    levels: { "1.1": [0, 0] as [number, number], "4.1": [0, 0] as [number, number] },
    answers: [
      ["ch-test-1", "KO"],
      ["ch-test-2", "KO"],
      ["ch-test-3", "KO"],
    ] as [string, Result][],
  };
  await participate(campaign.id, school.id, { ...allWrong, learnerId: retried.learnerId, replacedByRetry: true });
  await participate(campaign.id, school.id, { ...allWrong, status: "TO_SHARE" });
  await participate(campaign.id, school.id, { ...allWrong, status: "STARTED" });
  const otherCampaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "5E A" });
  await participate(otherCampaign.id, school.id, allWrong);

  return {
    campaign,
    schoolId: await authorizedSchoolId(school.id, { userId: owner.userId }),
    otherSchoolId: await authorizedSchoolId(other.id, { userId: outsider.userId }),
  };
}

describe("getCampaignAnalysis", () => {
  it("computes a known class's figures from its shared results only", async () => {
    const { campaign, schoolId } = await knownClass();
    const analysis = await getCampaignAnalysis(schoolId, campaign.id);

    expect(analysis.participantCount).toBe(4);
    const [research, security] = analysis.competences;
    expect(research).toMatchObject({
      competenceId: "1.1",
      assessedCount: 4,
      targetLevel: 3,
      levels: [
        { level: 0, count: 2 },
        { level: 3, count: 2 },
      ],
      belowTargetCount: 2,
      belowTargetRate: 0.5,
      meanMasteryRate: 0.5,
    });
    expect(security).toMatchObject({
      competenceId: "4.1",
      targetLevel: 4,
      levels: [
        { level: 0, count: 1 },
        { level: 3, count: 2 },
        { level: 4, count: 1 },
      ],
      belowTargetCount: 3,
      belowTargetRate: 0.75,
    });

    expect(
      analysis.missedQuestions.map((question) => [
        question.statement,
        question.missedCount,
        question.wrongCount,
        question.skippedCount,
        question.seenCount,
      ]),
    ).toEqual([
      ["Cochez a et c.", 2, 1, 1, 3],
      ["Question 1 ?", 2, 1, 1, 4],
      ["Tapez « bonjour ».", 1, 1, 0, 4],
    ]);

    expect(analysis.recommendations).toEqual([
      expect.objectContaining({ competenceId: "4.1", scope: "class", belowTargetCount: 3, assessedCount: 4 }),
      expect.objectContaining({ competenceId: "1.1", scope: "class", belowTargetCount: 2, assessedCount: 4 }),
    ]);
  });

  it("is empty, not missing, before anyone shares", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id, role: "ADMIN" });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId });
    await participate(campaign.id, school.id, { status: "TO_SHARE", levels: { "1.1": [3, 1] }, answers: [] });
    const analysis = await getCampaignAnalysis(await authorizedSchoolId(school.id), campaign.id);
    expect(analysis.participantCount).toBe(0);
    expect(analysis.recommendations).toEqual([]);
  });

  it("keeps one class's students when asked (a school-wide campaign)", async () => {
    const school = await createSchool();
    const owner = await createMember({ schoolId: school.id, role: "ADMIN" });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: null });
    const inClass = (division: string) => createLearner(school.id, { division }).then((learner) => learner.id);
    await participate(campaign.id, school.id, {
      learnerId: await inClass("5E A"),
      levels: { "1.1": [3, 1] },
      answers: [["ch-test-1", "OK"]],
    });
    await participate(campaign.id, school.id, {
      learnerId: await inClass("5E B"),
      levels: { "1.1": [0, 0] },
      answers: [["ch-test-1", "KO"]],
    });
    const schoolId = await authorizedSchoolId(school.id);
    expect((await getCampaignAnalysis(schoolId, campaign.id)).participantCount).toBe(2);
    const classB = await getCampaignAnalysis(schoolId, campaign.id, { division: "5E B" });
    expect(classB.participantCount).toBe(1);
    expect(classB.competences[0]!.levels).toEqual([
      { level: 0, count: 1 },
      { level: 3, count: 0 },
    ]);
    expect(classB.missedQuestions.map((question) => [question.missedCount, question.seenCount])).toEqual([[1, 1]]);
  });

  it("answers NOT_FOUND for another school's campaign", async () => {
    const { campaign, otherSchoolId } = await knownClass();
    await expect(getCampaignAnalysis(otherSchoolId, campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
