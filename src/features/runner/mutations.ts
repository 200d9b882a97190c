import "server-only";

import { isAnswerCorrect, serializeAnswer } from "@/features/parcours/domain/answer-check";
import { prisma, type DbClient, type Prisma, withTransaction } from "@/lib/db";
import { DomainError, isForeignKeyViolation } from "@/lib/errors";
import { runnerText } from "@/messages/fr/runner";

import { computeProfile, startLevelsFromProfile } from "@/features/parcours/domain/profile";

import { getRunnerView, listCompletedResults } from "./data";
import { chooseNextChallenge } from "@/features/parcours/domain/adaptive";
import { computeResults } from "./domain/scoring";
import { readSubmission, type RawSubmission, type SubmissionProblem } from "./domain/submission";
import type { AnswerRecord, AnswerResult, CampaignSnapshot } from "@/features/parcours/types";

const problemMessages: Record<Exclude<SubmissionProblem, "EMPTY_FIELD">, string> = {
  WRONG_FIELDS: runnerText.errors.wrongFields,
  NO_CHOICE: runnerText.errors.noChoice,
  ONE_CHOICE_ONLY: runnerText.errors.oneChoiceOnly,
  UNKNOWN_CHOICE: runnerText.errors.unknownChoice,
  EMPTY_TEXT: runnerText.errors.emptyText,
  TEXT_TOO_LONG: runnerText.errors.textTooLong,
};

const inTransaction = withTransaction;

/**
 * Starts the participation of a learner in a campaign, or returns the active one: idempotent,
 * so the ENT entry can call it on every visit. The learner must belong to the campaign's school
 * and be linked to this user.
 */
export async function startParticipation(
  options: { campaignId: number; learnerId: number; userId: number; now?: Date },
  db: DbClient = prisma,
): Promise<{ participationId: number; isNew: boolean }> {
  const campaign = await db.campaign.findUnique({
    where: { id: options.campaignId },
    select: { schoolId: true, archivedAt: true, challengeSnapshot: true },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  const learner = await db.learner.findFirst({
    where: { id: options.learnerId, schoolId: campaign.schoolId, userId: options.userId, isDisabled: false },
    select: { id: true },
  });
  if (!learner) throw new DomainError("FORBIDDEN");

  const existing = await db.participation.findFirst({
    where: { campaignId: options.campaignId, learnerId: options.learnerId, deletedAt: null },
    select: { id: true, userId: true },
  });
  if (existing) {
    if (existing.userId !== options.userId) throw new DomainError("FORBIDDEN");
    return { participationId: existing.id, isNew: false };
  }
  if (campaign.archivedAt) throw new DomainError("CAMPAIGN_CLOSED");
  // Where the adaptive walk starts: the student's profile now, frozen on the participation.
  const snapshot = campaign.challengeSnapshot as unknown as CampaignSnapshot;
  const startLevels = startLevelsFromProfile(
    computeProfile(await listCompletedResults(options.userId, db), options.now ?? new Date()),
    snapshot.competences.map((competence) => competence.id),
  );
  // Two tabs may open the campaign at once: ON CONFLICT DO NOTHING (not a caught unique
  // violation, which would abort a caller's transaction) lets the partial unique index keep one.
  const { count } = await db.participation
    .createMany({
      data: [{ campaignId: options.campaignId, learnerId: options.learnerId, userId: options.userId, startLevels }],
      skipDuplicates: true,
    })
    .catch((error: unknown) => {
      // The campaign was deleted in between (nobody had started it): as if it never existed.
      if (isForeignKeyViolation(error)) throw new DomainError("NOT_FOUND");
      throw error;
    });
  const active = await db.participation.findFirstOrThrow({
    where: { campaignId: options.campaignId, learnerId: options.learnerId, deletedAt: null },
    select: { id: true, userId: true },
  });
  if (active.userId !== options.userId) throw new DomainError("FORBIDDEN");
  return { participationId: active.id, isNew: count === 1 };
}

/**
 * Starts (or finds) the user's participation in the campaign with this code, through the
 * learner of the campaign's school linked to the user. NOT_FOUND when the user has no such
 * learner yet (the ENT entry then asks for the birth date).
 */
export async function startParticipationByCode(
  options: { code: string; userId: number },
  db: DbClient = prisma,
): Promise<{ participationId: number; isNew: boolean }> {
  const campaign = await db.campaign.findUnique({
    where: { code: options.code },
    select: { id: true, schoolId: true },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  const learner = await db.learner.findFirst({
    where: { schoolId: campaign.schoolId, userId: options.userId, isDisabled: false },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (!learner) throw new DomainError("NOT_FOUND");
  return startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: options.userId }, db);
}

export type SubmitOutcome =
  /** Saved; `isCompleted` when it was the last question (results computed, status TO_SHARE). */
  | { kind: "ANSWERED"; result: AnswerResult; isCompleted: boolean }
  /** This question already has an answer (a double submit): nothing written. */
  | { kind: "ALREADY_ANSWERED" }
  /** The page was out of date (another tab moved on): nothing written; show the current question. */
  | { kind: "NOT_CURRENT" }
  /** The campaign is over for this participation: nothing written. */
  | { kind: "FINISHED" };

/** Serialises writes to one participation: answers, completion and sharing never interleave. */
async function lockParticipation(tx: Prisma.TransactionClient, participationId: number) {
  const rows = await tx.$queryRaw<{ status: "STARTED" | "TO_SHARE" | "SHARED" }[]>`
    SELECT status::text AS status FROM participations WHERE id = ${participationId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DomainError("NOT_FOUND", { userMessage: runnerText.errors.noParticipation });
  return row.status;
}

/**
 * Records the user's answer to the current question of their participation (or a skip), then
 * completes the participation when no question is left. Safe to call twice with the same
 * question: the second call writes nothing. Throws INVALID_INPUT (nothing written) for an empty
 * or malformed answer.
 *
 * No lock on the common path: an answer is only accepted for the question that follows the
 * answers read, so two racing requests can only ever write the same (participation, question)
 * pair, and the unique index keeps one. The last answer and the results are written together.
 */
export async function submitAnswer(
  options: { code: string; userId: number; challengeId: string; submission: RawSubmission; now?: Date },
  db: DbClient = prisma,
): Promise<SubmitOutcome> {
  const view = await getRunnerView(options.userId, options.code, db);
  const participation = view?.participation;
  if (!view || !participation) throw new DomainError("NOT_FOUND", { userMessage: runnerText.errors.noParticipation });
  if (view.campaign.isArchived) throw new DomainError("CAMPAIGN_CLOSED", { userMessage: runnerText.errors.archived });
  if (participation.status !== "STARTED") return { kind: "FINISHED" };

  const { snapshot } = view.campaign;
  const answers: AnswerRecord[] = participation.answers;
  if (answers.some((answer) => answer.challengeId === options.challengeId)) return { kind: "ALREADY_ANSWERED" };
  const current = chooseNextChallenge(snapshot, answers, participation.id, participation.startLevels);
  if (!current || current.id !== options.challengeId) return { kind: "NOT_CURRENT" };

  const read = readSubmission(current, options.submission);
  if (!read.ok)
    throw new DomainError("INVALID_INPUT", {
      userMessage:
        read.problem === "EMPTY_FIELD"
          ? runnerText.errors.emptyFields(read.fieldLabels ?? [])
          : problemMessages[read.problem],
      details: { problem: read.problem },
    });
  const result: AnswerResult = read.answer === "skip" ? "SKIPPED" : isAnswerCorrect(current, read.answer) ? "OK" : "KO";
  const row = {
    participationId: participation.id,
    challengeId: current.id,
    value: read.answer === "skip" ? "" : serializeAnswer(read.answer),
    result,
  };

  const all = [...answers, { challengeId: current.id, result }];
  if (chooseNextChallenge(snapshot, all, participation.id, participation.startLevels)) {
    const { count } = await db.answer.createMany({ data: [row], skipDuplicates: true });
    return count === 0 ? { kind: "ALREADY_ANSWERED" } : { kind: "ANSWERED", result, isCompleted: false };
  }
  return inTransaction(db, async (tx) => {
    if ((await lockParticipation(tx, participation.id)) !== "STARTED") return { kind: "FINISHED" } as const;
    const { count } = await tx.answer.createMany({ data: [row], skipDuplicates: true });
    if (count === 0) return { kind: "ALREADY_ANSWERED" } as const;
    const results = computeResults(snapshot, all);
    await tx.participation.update({
      where: { id: participation.id },
      data: { status: "TO_SHARE", completedAt: options.now ?? new Date(), results, masteryRate: results.masteryRate },
    });
    return { kind: "ANSWERED", result, isCompleted: true } as const;
  });
}

/**
 * Sends the results to the school: TO_SHARE → SHARED. From then on they are frozen: nothing
 * recomputes them. Sharing twice keeps the first date.
 */
export async function shareResults(
  options: { code: string; userId: number; now?: Date },
  db: DbClient = prisma,
): Promise<{ sharedAt: Date }> {
  const participationId = (await getRunnerView(options.userId, options.code, db))?.participation?.id;
  if (participationId === undefined)
    throw new DomainError("NOT_FOUND", { userMessage: runnerText.errors.noParticipation });
  return inTransaction(db, async (tx) => {
    const status = await lockParticipation(tx, participationId);
    if (status === "STARTED") throw new DomainError("CONFLICT", { userMessage: runnerText.errors.notFinished });
    if (status === "SHARED") {
      const { sharedAt } = await tx.participation.findUniqueOrThrow({
        where: { id: participationId },
        select: { sharedAt: true },
      });
      return { sharedAt: sharedAt ?? new Date(0) };
    }
    const updated = await tx.participation.update({
      where: { id: participationId },
      data: { status: "SHARED", sharedAt: options.now ?? new Date() },
      select: { sharedAt: true },
    });
    return { sharedAt: updated.sharedAt! };
  });
}
