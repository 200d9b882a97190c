import { describe, expect, it } from "vitest";

import {
  getCampaignExport,
  getCampaignResults,
  getParticipantResult,
  listActivityParticipants,
} from "@/features/campaigns/data";
import { participantFilterSchema } from "@/features/campaigns/schema";
import { getLearnerDetail } from "@/features/learners/data";
import {
  chooseNextChallenge,
  estimateProgress,
  progressPercent,
  toProgressPercent,
} from "@/features/parcours/domain/adaptive";
import { computeProfile } from "@/features/parcours/domain/profile";
import type { ChallengeSnapshot } from "@/features/parcours/types";
import { prisma } from "@/lib/db";

import { createLearner } from "../../../tests/factories/learners";
import { createContentCampaign, createParticipant } from "../../../tests/factories/runner";
import { authorizedSchoolId } from "../../../tests/factories/session";
import { getRunnerView, listCompletedResults } from "./data";
import type { RawSubmission } from "./domain/submission";
import { shareResults, startParticipation, submitAnswer } from "./mutations";

function rightSubmission(challenge: ChallengeSnapshot): RawSubmission {
  if (challenge.type === "QROCM")
    return {
      intent: "answer",
      choices: [],
      fields: challenge.proposals.map((f) => challenge.fieldAnswers![f.id]![0]!),
    };
  if (challenge.type === "QROC") return { intent: "answer", choices: [], text: challenge.answerKey[0] };
  return { intent: "answer", choices: challenge.answerKey };
}

/** Plays the user's participation to the end (every answer right, or skipped); returns the questions met. */
async function playToTheEnd(code: string, userId: number, how: "right" | "skip"): Promise<ChallengeSnapshot[]> {
  const met: ChallengeSnapshot[] = [];
  for (;;) {
    const view = (await getRunnerView(userId, code))!;
    const participation = view.participation!;
    const current = chooseNextChallenge(
      view.campaign.snapshot,
      participation.answers,
      participation.id,
      participation.startLevels,
    );
    if (!current) return met;
    met.push(current);
    const submission: RawSubmission = how === "right" ? rightSubmission(current) : { intent: "skip", choices: [] };
    await submitAnswer({ code, userId, challengeId: current.id, submission });
    if (met.length > 200) throw new Error("the campaign never ends");
  }
}

describe("the student's profile across campaigns and schools", () => {
  it("carries the levels of a finished campaign to a campaign of another school, which starts near them and asks fewer questions", async () => {
    // School A: the student finishes a campaign, every answer right.
    const first = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const { user } = await createParticipant({ schoolId: first.school.id, campaignId: first.campaign.id });
    await playToTheEnd(first.campaign.code, user.id, "right");
    await shareResults({ code: first.campaign.code, userId: user.id });

    const completed = await listCompletedResults(user.id);
    expect(completed).toHaveLength(1);
    const profile = computeProfile(completed, new Date());
    expect(profile.map((known) => known.competenceId)).toEqual(["1.1", "2.1", "3.1", "4.1", "4.2", "5.2"]);
    expect(profile.every((known) => known.level === 4)).toBe(true);

    // School B: the same account, linked to a learner there (a school changer), joins a campaign.
    const second = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const learnerB = await createLearner(second.school.id, { userId: user.id, division: "5E A" });
    const { participationId } = await startParticipation({
      campaignId: second.campaign.id,
      learnerId: learnerB.id,
      userId: user.id,
    });
    const stored = await prisma.participation.findUniqueOrThrow({
      where: { id: participationId },
      select: { startLevels: true },
    });
    expect(stored.startLevels).toEqual({ "1.1": 4, "2.1": 4, "3.1": 4, "4.1": 4, "4.2": 4, "5.2": 4 });

    // A classmate with no profile plays the same campaign the same way: the known student needs fewer questions.
    const fresh = await createParticipant({ schoolId: second.school.id, campaignId: second.campaign.id });
    const freshPath = await playToTheEnd(second.campaign.code, fresh.user.id, "right");
    const knownPath = await playToTheEnd(second.campaign.code, user.id, "right");
    expect(knownPath[0]!.level).toBe(4);
    expect(freshPath[0]!.level).toBeLessThan(4);
    expect(knownPath.length).toBeLessThan(freshPath.length);

    // The results of school B are its own: the same levels, from its own answers only.
    await shareResults({ code: second.campaign.code, userId: user.id });
    const orga = await getParticipantResult(
      await authorizedSchoolId(second.school.id),
      second.campaign.id,
      participationId,
    );
    expect(orga.shared!.competences.map((competence) => competence.levelReached)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(orga.shared!.answeredCount).toBe(knownPath.length);
    expect(JSON.stringify(orga)).not.toContain("startLevels");
    expect(JSON.stringify(orga)).not.toContain(first.campaign.name);

    // The profile now holds both campaigns; the best level stays.
    expect(await listCompletedResults(user.id)).toHaveLength(2);
  });

  it("ignores results older than 12 months, a participation the school deleted, and keeps the best level over a worse later one", async () => {
    const first = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const { user, participationId } = await createParticipant({
      schoolId: first.school.id,
      campaignId: first.campaign.id,
    });
    await playToTheEnd(first.campaign.code, user.id, "right");

    // A later campaign all skipped: level 0 everywhere, but the best recent level (4) is kept.
    const second = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const learner = await createLearner(second.school.id, { userId: user.id });
    await startParticipation({ campaignId: second.campaign.id, learnerId: learner.id, userId: user.id });
    await playToTheEnd(second.campaign.code, user.id, "skip");
    const both = computeProfile(await listCompletedResults(user.id), new Date());
    expect(both.every((known) => known.level === 4)).toBe(true);

    // Thirteen months later, the first result no longer counts: the skipped campaign's 0 remains.
    const thirteenMonthsAgo = new Date();
    thirteenMonthsAgo.setMonth(thirteenMonthsAgo.getMonth() - 13);
    await prisma.participation.update({ where: { id: participationId }, data: { completedAt: thirteenMonthsAgo } });
    const later = computeProfile(await listCompletedResults(user.id), new Date());
    expect(later.every((known) => known.level === 0)).toBe(true);

    // A participation deleted by its school (not a retry) is not the student's result any more.
    await prisma.participation.updateMany({
      where: { userId: user.id, campaignId: second.campaign.id },
      data: { deletedAt: new Date() },
    });
    expect(await listCompletedResults(user.id)).toHaveLength(1);
  });

  it("never reads another student's results", async () => {
    const first = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const someone = await createParticipant({ schoolId: first.school.id, campaignId: first.campaign.id });
    await playToTheEnd(first.campaign.code, someone.user.id, "right");
    const other = await createParticipant({ schoolId: first.school.id, campaignId: first.campaign.id });
    expect(await listCompletedResults(other.user.id)).toEqual([]);
    const stored = await prisma.participation.findUniqueOrThrow({
      where: { id: other.participationId },
      select: { startLevels: true },
    });
    expect(stored.startLevels).toEqual({});
  });
});

describe("a participation started from a known profile, as Orga sees it", () => {
  it("shows staff the progress the student's bar shows: the Activité list, Résultats, export, result and learner pages", async () => {
    const { school, campaign } = await createContentCampaign({ targetProfileId: "rentree-6e" });
    const { user, learner, participationId } = await createParticipant({
      schoolId: school.id,
      campaignId: campaign.id,
    });
    // What Commencer freezes for a student whose profile knows every competence of the parcours
    // at level 4 (the profile itself: the first test of this file).
    const known = { "1.1": 4, "2.1": 4, "3.1": 4, "4.1": 4, "4.2": 4, "5.2": 4 };
    await prisma.participation.update({ where: { id: participationId }, data: { startLevels: known } });
    for (let given = 0; given < 2; given += 1) {
      const { campaign: runnerCampaign, participation } = (await getRunnerView(user.id, campaign.code))!;
      const next = chooseNextChallenge(runnerCampaign.snapshot, participation!.answers, participationId, known)!;
      expect(next.level).toBe(4);
      await submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: next.id,
        submission: rightSubmission(next),
      });
    }

    // The runner's question page: estimateProgress over the participation's answers and start levels.
    const view = (await getRunnerView(user.id, campaign.code))!;
    const { snapshot } = view.campaign;
    const { answers, startLevels } = view.participation!;
    expect(startLevels).toEqual(known);
    const shownToStudent = toProgressPercent(estimateProgress(snapshot, answers, startLevels));
    // The figure an estimate without the start levels gives is another one: this test can fail.
    expect(progressPercent(snapshot, "STARTED", answers, {})).not.toBe(shownToStudent);

    const schoolId = await authorizedSchoolId(school.id);
    const activity = await listActivityParticipants(schoolId, campaign.id);
    expect(activity.map((row) => [row.participationId, row.status, row.progress])).toEqual([
      [participationId, "STARTED", shownToStudent],
    ]);
    const all = participantFilterSchema("all").parse({});
    expect((await getCampaignResults(schoolId, campaign.id, all)).rows.map((row) => row.progress)).toEqual([
      shownToStudent,
    ]);
    expect((await getCampaignExport(schoolId, campaign.id, all)).rows.map((row) => row.progress)).toEqual([
      shownToStudent,
    ]);
    expect((await getParticipantResult(schoolId, campaign.id, participationId)).progress).toBe(shownToStudent);
    const detail = (await getLearnerDetail(schoolId, learner.id))!;
    expect(detail.participations.map((row) => row.progress)).toEqual([shownToStudent]);
  });
});
