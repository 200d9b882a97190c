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

type ParticipationStartRow = {
  school_id: number;
  is_archived: boolean;
  competence_ids: string[];
  is_learner: boolean;
  participation_id: number | null;
  participation_user_id: number | null;
};

/**
 * Starts the participation of a learner in a campaign, or returns the active one: idempotent,
 * so the ENT entry can call it on every visit. The learner must belong to the campaign's school
 * and be linked to this user.
 *
 * Two statements on the common path (docs/scaling.md §3): one read of the campaign, the learner
 * and the active participation, every row found through the campaign's school_id; then the
 * insert, which carries that school_id.
 */
export async function startParticipation(
  options: { campaignId: number; learnerId: number; userId: number; now?: Date },
  db: DbClient = prisma,
): Promise<{ participationId: number; isNew: boolean }> {
  const { campaignId, learnerId, userId } = options;
  const [row] = await db.$queryRaw<ParticipationStartRow[]>`
    SELECT c.school_id, c.archived_at IS NOT NULL AS is_archived,
           ARRAY(SELECT competence->>'id' FROM jsonb_array_elements(c.challenge_snapshot->'competences') AS competence)
             AS competence_ids,
           EXISTS (
             SELECT 1 FROM learners l
              WHERE l.school_id = c.school_id AND l.id = ${learnerId} AND l.user_id = ${userId} AND NOT l.is_disabled
           ) AS is_learner,
           p.id AS participation_id, p.user_id AS participation_user_id
      FROM campaigns c
      LEFT JOIN participations p
        ON p.school_id = c.school_id AND p.campaign_id = c.id AND p.learner_id = ${learnerId} AND p.deleted_at IS NULL
     WHERE c.id = ${campaignId}`;
  if (!row) throw new DomainError("NOT_FOUND");
  if (!row.is_learner) throw new DomainError("FORBIDDEN");
  if (row.participation_id !== null) {
    if (row.participation_user_id !== userId) throw new DomainError("FORBIDDEN");
    return { participationId: row.participation_id, isNew: false };
  }
  if (row.is_archived) throw new DomainError("CAMPAIGN_CLOSED");
  // Where the adaptive walk starts: the student's profile now, frozen on the participation.
  const startLevels = startLevelsFromProfile(
    computeProfile(await listCompletedResults(userId, db), options.now ?? new Date()),
    row.competence_ids,
  );
  // Two tabs may open the campaign at once: ON CONFLICT DO NOTHING (not a caught unique
  // violation, which would abort a caller's transaction) lets the partial unique index keep one.
  const inserted = await db.$queryRaw<{ id: number }[]>`
    INSERT INTO participations (school_id, campaign_id, learner_id, user_id, start_levels)
    VALUES (${row.school_id}, ${campaignId}, ${learnerId}, ${userId}, ${JSON.stringify(startLevels)}::jsonb)
    ON CONFLICT (campaign_id, learner_id) WHERE deleted_at IS NULL DO NOTHING
    RETURNING id`.catch((error: unknown) => {
    // The campaign was deleted in between (nobody had started it): as if it never existed.
    if (isForeignKeyViolation(error)) throw new DomainError("NOT_FOUND");
    throw error;
  });
  if (inserted[0]) return { participationId: inserted[0].id, isNew: true };
  const active = await db.participation.findFirstOrThrow({
    where: { schoolId: row.school_id, campaignId, learnerId, deletedAt: null },
    select: { id: true, userId: true },
  });
  if (active.userId !== userId) throw new DomainError("FORBIDDEN");
  return { participationId: active.id, isNew: false };
}

/**
 * *Commencer* for a learner the user was linked to: one statement (`start_participation`,
 * migration 20261206120100, docs/decisions/023) locks the learner row and checks it is still this
 * user's, sets aside a former account's participation, checks the campaign and the active
 * participation, and inserts the new one with the levels of the student's profile (read just
 * before) that the campaign assesses. Idempotent: a second press resumes the same participation.
 * DomainError CAMPAIGN_OTHER_SCHOOL when the learner is no longer the user's, NOT_FOUND,
 * FORBIDDEN, CAMPAIGN_CLOSED.
 */
export async function startLearnerParticipation(
  options: { schoolId: number; campaignId: number; learnerId: number; userId: number; now?: Date },
  db: DbClient = prisma,
): Promise<{ participationId: number; isNew: boolean }> {
  const now = options.now ?? new Date();
  const knownLevels = Object.fromEntries(
    computeProfile(await listCompletedResults(options.userId, db), now).map((known) => [
      known.competenceId,
      known.level,
    ]),
  );
  const [row] = await db.$queryRaw<{ outcome: string; participation_id: number | null }[]>`
    SELECT outcome, participation_id FROM start_participation(
      ${options.schoolId}::int, ${options.campaignId}::int, ${options.learnerId}::int, ${options.userId}::int,
      ${JSON.stringify(knownLevels)}::jsonb, ${now.toISOString()}::timestamp(3))`;
  switch (row?.outcome) {
    case "STARTED":
    case "RESUMED":
      return { participationId: row.participation_id!, isNew: row.outcome === "STARTED" };
    case "NOT_LINKED":
      throw new DomainError("CAMPAIGN_OTHER_SCHOOL");
    case "FORBIDDEN":
      throw new DomainError("FORBIDDEN");
    case "CLOSED":
      throw new DomainError("CAMPAIGN_CLOSED");
    default:
      throw new DomainError("NOT_FOUND");
  }
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
async function lockParticipation(tx: Prisma.TransactionClient, schoolId: number, participationId: number) {
  const rows = await tx.$queryRaw<{ status: "STARTED" | "TO_SHARE" | "SHARED" }[]>`
    SELECT status::text AS status FROM participations WHERE school_id = ${schoolId} AND id = ${participationId} FOR UPDATE`;
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
  const schoolId = view.campaign.schoolId;
  const value = read.answer === "skip" ? "" : serializeAnswer(read.answer);

  const all = [...answers, { challengeId: current.id, result }];
  if (chooseNextChallenge(snapshot, all, participation.id, participation.startLevels)) {
    const inserted = await db.$executeRaw`
      INSERT INTO answers (school_id, participation_id, challenge_id, value, result)
      VALUES (${schoolId}, ${participation.id}, ${current.id}, ${value}, ${result}::"AnswerResult")
      ON CONFLICT DO NOTHING`;
    return inserted === 0 ? { kind: "ALREADY_ANSWERED" } : { kind: "ANSWERED", result, isCompleted: false };
  }
  // The last answer and the results in one statement: the participation row is locked while still
  // STARTED (a concurrent completion or share makes it match no row), then the answer is inserted
  // and the participation completed only if that insert happened.
  const results = computeResults(snapshot, all);
  // Timestamps as Prisma writes them: UTC wall time in a `timestamp(3)` column.
  const completedAt = (options.now ?? new Date()).toISOString();
  const [written] = await db.$queryRaw<{ locked: number; inserted: number }[]>`
    WITH locked AS (
      SELECT id FROM participations
       WHERE school_id = ${schoolId} AND id = ${participation.id} AND status = 'STARTED'
       FOR UPDATE
    ), inserted AS (
      INSERT INTO answers (school_id, participation_id, challenge_id, value, result)
      SELECT ${schoolId}, locked.id, ${current.id}, ${value}, ${result}::"AnswerResult" FROM locked
      ON CONFLICT DO NOTHING
      RETURNING participation_id
    ), completed AS (
      UPDATE participations
         SET status = 'TO_SHARE', completed_at = ${completedAt}::timestamp(3), results = ${JSON.stringify(results)}::jsonb,
             mastery_rate = ${results.masteryRate}, updated_at = ${completedAt}::timestamp(3)
       WHERE school_id = ${schoolId} AND id IN (SELECT participation_id FROM inserted)
       RETURNING id
    )
    SELECT (SELECT count(*) FROM locked)::int AS locked, (SELECT count(*) FROM completed)::int AS inserted`;
  if (!written || written.locked === 0) return { kind: "FINISHED" };
  if (written.inserted === 0) return { kind: "ALREADY_ANSWERED" };
  return { kind: "ANSWERED", result, isCompleted: true };
}

/**
 * Sends the results to the school: TO_SHARE → SHARED. From then on they are frozen: nothing
 * recomputes them. Sharing twice keeps the first date.
 */
export async function shareResults(
  options: { code: string; userId: number; now?: Date },
  db: DbClient = prisma,
): Promise<{ sharedAt: Date }> {
  const view = await getRunnerView(options.userId, options.code, db);
  const participationId = view?.participation?.id;
  if (!view || participationId === undefined)
    throw new DomainError("NOT_FOUND", { userMessage: runnerText.errors.noParticipation });
  const { schoolId } = view.campaign;
  return inTransaction(db, async (tx) => {
    const status = await lockParticipation(tx, schoolId, participationId);
    if (status === "STARTED") throw new DomainError("CONFLICT", { userMessage: runnerText.errors.notFinished });
    if (status === "SHARED") {
      const { sharedAt } = await tx.participation.findUniqueOrThrow({
        where: { id: participationId, schoolId },
        select: { sharedAt: true },
      });
      return { sharedAt: sharedAt ?? new Date(0) };
    }
    const updated = await tx.participation.update({
      where: { id: participationId, schoolId },
      data: { status: "SHARED", sharedAt: options.now ?? new Date() },
      select: { sharedAt: true },
    });
    return { sharedAt: updated.sharedAt! };
  });
}
