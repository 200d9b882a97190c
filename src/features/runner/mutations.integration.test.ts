import { describe, expect, it } from "vitest";

import { readContent } from "../../../content/load-content";
import { isAnswerCorrect } from "@/features/parcours/domain/answer-check";
import { loadContent } from "@/features/parcours/mutations";
import type { ChallengeSnapshot, Content } from "@/features/parcours/types";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { runnerText } from "@/messages/fr/runner";

import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createContentCampaign, createParticipant } from "../../../tests/factories/runner";
import { getRunnerView } from "./data";
import { chooseNextChallenge } from "@/features/parcours/domain/adaptive";
import type { RawSubmission } from "./domain/submission";
import { shareResults, startParticipation, startParticipationByCode, submitAnswer } from "./mutations";

function rightSubmission(challenge: ChallengeSnapshot): RawSubmission {
  if (challenge.type === "QROCM")
    return {
      intent: "answer",
      choices: [],
      fields: challenge.proposals.map((field) => challenge.fieldAnswers![field.id]![0]!),
    };
  return challenge.type === "QROC"
    ? { intent: "answer", choices: [], text: challenge.answerKey[0] }
    : { intent: "answer", choices: challenge.answerKey };
}

function wrongSubmission(challenge: ChallengeSnapshot): RawSubmission {
  if (challenge.type === "QROC") return { intent: "answer", choices: [], text: "je ne sais pas" };
  if (challenge.type === "QROCM")
    return { intent: "answer", choices: [], fields: challenge.proposals.map(() => "je ne sais pas") };
  const wrong = challenge.proposals.find((proposal) => !challenge.answerKey.includes(proposal.id))!;
  return { intent: "answer", choices: [wrong.id] };
}

/** What a student does on the question page: read the current question afresh, answer it. */
async function answerCurrent(
  code: string,
  userId: number,
  pick: (challenge: ChallengeSnapshot, index: number) => RawSubmission,
) {
  const view = await getRunnerView(userId, code);
  const current = chooseNextChallenge(view!.campaign.snapshot, view!.participation!.answers, view!.participation!.id);
  if (!current) return null;
  const outcome = await submitAnswer({
    code,
    userId,
    challengeId: current.id,
    submission: pick(current, view!.participation!.answers.length),
  });
  return { current, outcome };
}

async function expectDomainError(promise: Promise<unknown>, code: string) {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

describe("startParticipation", () => {
  it("is idempotent and only for the learner's own user, in the campaign's school", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, learner, participationId } = await createParticipant({
      schoolId: school.id,
      campaignId: campaign.id,
    });
    expect(await startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id })).toEqual({
      participationId,
      isNew: false,
    });
    expect(await startParticipationByCode({ code: campaign.code, userId: user.id })).toEqual({
      participationId,
      isNew: false,
    });

    const intruder = await createGarStudentUser({ garId: "IDO-INTRUS" });
    await expectDomainError(
      startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: intruder.id }),
      "FORBIDDEN",
    );
    await expectDomainError(startParticipationByCode({ code: campaign.code, userId: intruder.id }), "NOT_FOUND");
    expect(await prisma.participation.count()).toBe(1);
  });

  it("starts once when two tabs open the campaign together, also inside a caller's transaction", async () => {
    const { school, campaign } = await createContentCampaign();
    const user = await createGarStudentUser({ garId: "IDO-DEUX-ONGLETS" });
    const learner = await createLearner(school.id, { userId: user.id });
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        prisma.$transaction((tx) =>
          startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id }, tx),
        ),
      ),
    );
    expect(new Set(results.map((result) => result.participationId)).size).toBe(1);
    expect(results.filter((result) => result.isNew)).toHaveLength(1);
    expect(await prisma.participation.count({ where: { campaignId: campaign.id } })).toBe(1);
  });

  it("refuses to start a new participation in an archived campaign", async () => {
    const { school, campaign } = await createContentCampaign();
    await prisma.campaign.update({ where: { id: campaign.id }, data: { archivedAt: new Date() } });
    const user = await createGarStudentUser({ garId: "IDO-ARCHIVE" });
    const learner = await createLearner(school.id, { userId: user.id });
    await expectDomainError(
      startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id }),
      "CAMPAIGN_CLOSED",
    );
  });
});

describe("submitAnswer", () => {
  it("resumes at exactly the next question after leaving at any point", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const snapshot = (await getRunnerView(user.id, campaign.code))!.campaign.snapshot;
    // Right, wrong, skip in turn: a path that goes up and down.
    const pick = (challenge: ChallengeSnapshot, index: number): RawSubmission =>
      index % 3 === 0
        ? rightSubmission(challenge)
        : index % 3 === 1
          ? wrongSubmission(challenge)
          : { intent: "skip", choices: [] };

    // The path an uninterrupted student would follow, computed without the database.
    const expected: string[] = [];
    const replay: { challengeId: string; result: "OK" | "KO" | "SKIPPED" }[] = [];
    for (
      let next = chooseNextChallenge(snapshot, replay, participationId);
      next;
      next = chooseNextChallenge(snapshot, replay, participationId)
    ) {
      expected.push(next.id);
      const submission = pick(next, replay.length);
      const result =
        submission.intent === "skip"
          ? "SKIPPED"
          : isAnswerCorrect(
                next,
                submission.choices.length > 0
                  ? { kind: "choices", choiceIds: submission.choices }
                  : { kind: "text", text: submission.text! },
              )
            ? "OK"
            : "KO";
      replay.push({ challengeId: next.id, result });
    }
    expect(expected.length).toBeGreaterThan(6);

    // Every step goes through the database and a fresh read, as after closing the tab.
    const asked: string[] = [];
    for (let step = 0; ; step++) {
      const done = await answerCurrent(campaign.code, user.id, pick);
      if (!done) break;
      asked.push(done.current.id);
      expect(done.outcome.kind).toBe("ANSWERED");
      const view = await getRunnerView(user.id, campaign.code);
      expect(view!.participation!.answers).toHaveLength(step + 1);
      expect(
        chooseNextChallenge(view!.campaign.snapshot, view!.participation!.answers, view!.participation!.id)?.id ?? null,
      ).toBe(expected[step + 1] ?? null);
    }
    expect(asked).toEqual(expected);
    const participation = await prisma.participation.findUniqueOrThrow({
      where: { id: (await getRunnerView(user.id, campaign.code))!.participation!.id },
    });
    expect(participation.status).toBe("TO_SHARE");
    expect(participation.completedAt).not.toBeNull();
    expect(participation.masteryRate).toBeGreaterThan(0);
    expect(participation.masteryRate).toBeLessThan(1);
  });

  it("records a double submission once, even when both arrive together", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const view = await getRunnerView(user.id, campaign.code);
    const first = chooseNextChallenge(view!.campaign.snapshot, [], participationId)!;

    const outcomes = await Promise.all(
      [0, 1, 2].map(() =>
        submitAnswer({
          code: campaign.code,
          userId: user.id,
          challengeId: first.id,
          submission: rightSubmission(first),
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === "ANSWERED")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === "ALREADY_ANSWERED")).toHaveLength(2);

    // A late resubmission with another answer does not overwrite the first one.
    const late = await submitAnswer({
      code: campaign.code,
      userId: user.id,
      challengeId: first.id,
      submission: wrongSubmission(first),
    });
    expect(late).toEqual({ kind: "ALREADY_ANSWERED" });
    const answers = await prisma.answer.findMany({ where: { participationId } });
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ challengeId: first.id, result: "OK" });
  });

  it("records the last answer once and completes once when it is sent twice at the same time", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const snapshot = (await getRunnerView(user.id, campaign.code))!.campaign.snapshot;
    for (;;) {
      const answers = (await getRunnerView(user.id, campaign.code))!.participation!.answers;
      const current = chooseNextChallenge(snapshot, answers, participationId)!;
      const isLast =
        chooseNextChallenge(snapshot, [...answers, { challengeId: current.id, result: "OK" }], participationId) ===
        null;
      if (isLast) {
        const outcomes = await Promise.all(
          [0, 1, 2].map(() =>
            submitAnswer({
              code: campaign.code,
              userId: user.id,
              challengeId: current.id,
              submission: rightSubmission(current),
            }),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.kind === "ANSWERED")).toEqual([
          { kind: "ANSWERED", result: "OK", isCompleted: true },
        ]);
        expect(outcomes.every((outcome) => ["ANSWERED", "ALREADY_ANSWERED", "FINISHED"].includes(outcome.kind))).toBe(
          true,
        );
        break;
      }
      await submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: current.id,
        submission: rightSubmission(current),
      });
    }
    const participation = await prisma.participation.findUniqueOrThrow({
      where: { id: participationId },
      include: { answers: true },
    });
    expect(participation.status).toBe("TO_SHARE");
    expect(participation.masteryRate).toBe(1);
    expect(new Set(participation.answers.map((answer) => answer.challengeId)).size).toBe(participation.answers.length);
  });

  it("refuses an empty answer and changes nothing; a stale page changes nothing either", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const snapshot = (await getRunnerView(user.id, campaign.code))!.campaign.snapshot;
    const first = chooseNextChallenge(snapshot, [], participationId)!;

    const error = await expectDomainError(
      submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: first.id,
        submission: { intent: "answer", choices: [] },
      }),
      "INVALID_INPUT",
    );
    expect(error.userMessage).toBe(runnerText.errors.noChoice);
    expect(error.userMessage?.replace(/\s/g, " ")).toBe("Choisissez une réponse, ou cliquez sur « Je passe ».");
    const other = snapshot.challenges.find((challenge) => challenge.id !== first.id)!;
    expect(
      await submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: other.id,
        submission: rightSubmission(other),
      }),
    ).toEqual({
      kind: "NOT_CURRENT",
    });
    expect(await prisma.answer.count({ where: { participationId } })).toBe(0);
  });

  it("a participation belongs to its user: another student cannot answer in it", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const stranger = await createGarStudentUser({ garId: "IDO-AUTRE" });
    const first = chooseNextChallenge(
      (await getRunnerView(user.id, campaign.code))!.campaign.snapshot,
      [],
      participationId,
    )!;
    await expectDomainError(
      submitAnswer({
        code: campaign.code,
        userId: stranger.id,
        challengeId: first.id,
        submission: rightSubmission(first),
      }),
      "NOT_FOUND",
    );
    expect((await getRunnerView(stranger.id, campaign.code))?.participation).toBeNull();
    expect(await prisma.answer.count({ where: { participationId } })).toBe(0);
  });

  it("stops answers once the campaign is archived", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    await prisma.campaign.update({ where: { id: campaign.id }, data: { archivedAt: new Date() } });
    const first = chooseNextChallenge(
      (await getRunnerView(user.id, campaign.code))!.campaign.snapshot,
      [],
      participationId,
    )!;
    await expectDomainError(
      submitAnswer({ code: campaign.code, userId: user.id, challengeId: first.id, submission: rightSubmission(first) }),
      "CAMPAIGN_CLOSED",
    );
  });
});

describe("shareResults", () => {
  it("is refused before the end, then freezes the results", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    await answerCurrent(campaign.code, user.id, rightSubmission);
    await expectDomainError(shareResults({ code: campaign.code, userId: user.id }), "CONFLICT");

    while (await answerCurrent(campaign.code, user.id, rightSubmission));
    const completed = await prisma.participation.findUniqueOrThrow({ where: { id: participationId } });
    expect(completed).toMatchObject({ status: "TO_SHARE", masteryRate: 1, sharedAt: null });

    const sharedAt = new Date("2026-10-05T08:30:00Z");
    expect(await shareResults({ code: campaign.code, userId: user.id, now: sharedAt })).toEqual({ sharedAt });
    const shared = await prisma.participation.findUniqueOrThrow({ where: { id: participationId } });
    expect(shared).toMatchObject({ status: "SHARED", sharedAt, masteryRate: 1 });

    // Nothing moves afterwards: no more answers, a second share keeps the first date.
    const answered = new Set(
      (await prisma.answer.findMany({ where: { participationId } })).map((answer) => answer.challengeId),
    );
    const anyQuestion = (await getRunnerView(user.id, campaign.code))!.campaign.snapshot.challenges.find(
      (challenge) => !answered.has(challenge.id),
    )!;
    expect(
      await submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: anyQuestion.id,
        submission: wrongSubmission(anyQuestion),
      }),
    ).toEqual({
      kind: "FINISHED",
    });
    expect(await shareResults({ code: campaign.code, userId: user.id, now: new Date("2026-12-01T08:00:00Z") })).toEqual(
      { sharedAt },
    );
    await loadContent(prisma);
    const after = await prisma.participation.findUniqueOrThrow({
      where: { id: participationId },
      include: { answers: true },
    });
    expect(after.results).toEqual(shared.results);
    expect(after.masteryRate).toBe(shared.masteryRate);
    expect(after.answers).toHaveLength(answered.size);
    expect(after.updatedAt).toEqual(shared.updatedAt);
  });
});

describe("a running campaign", () => {
  it("is not changed by a later edit of its parcours", async () => {
    const { school, campaign } = await createContentCampaign();
    const { user, participationId } = await createParticipant({ schoolId: school.id, campaignId: campaign.id });
    const before = (await getRunnerView(user.id, campaign.code))!.campaign.snapshot;
    await answerCurrent(campaign.code, user.id, rightSubmission);
    const next = chooseNextChallenge(
      before,
      (await getRunnerView(user.id, campaign.code))!.participation!.answers,
      participationId,
    )!;

    // The content team rewrites that very question, changes its answer and empties the parcours.
    const edited: Content = structuredClone(readContent());
    const target = edited.challenges.find((challenge) => challenge.id === next.id)!;
    target.statement = "Question réécrite";
    target.answerKey =
      target.type === "QROC"
        ? ["autre chose"]
        : target.proposals
            .filter((p) => !target.answerKey.includes(p.id))
            .slice(0, target.type === "QCU" ? 1 : 2)
            .map((p) => p.id);
    const sixth = edited.parcours.find((parcours) => parcours.id === "rentree-6e")!;
    sixth.challengeIds = sixth.challengeIds.slice(0, 3);
    await loadContent(prisma, edited);

    const view = (await getRunnerView(user.id, campaign.code))!;
    expect(view.campaign.snapshot).toEqual(before);
    const current = chooseNextChallenge(view.campaign.snapshot, view.participation!.answers, participationId)!;
    expect(current.id).toBe(next.id);
    expect(current.statement).not.toBe("Question réécrite");
    // Graded with the key frozen at creation.
    expect(
      await submitAnswer({
        code: campaign.code,
        userId: user.id,
        challengeId: current.id,
        submission: rightSubmission(current),
      }),
    ).toMatchObject({
      kind: "ANSWERED",
      result: "OK",
    });
  });
});
