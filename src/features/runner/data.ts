import "server-only";

import { readStartLevels, type StartLevels } from "@/features/parcours/domain/adaptive";
import type { CompletedResult } from "@/features/parcours/domain/profile";
import type { AnswerRecord, CampaignSnapshot, ParticipationResults } from "@/features/parcours/types";
import { Prisma, prisma, type DbClient } from "@/lib/db";
import { FrozenValueCache } from "@/lib/frozen-value-cache";

/**
 * Reads of the student side. A student is not a member of a school: every read is scoped by
 * the signed-in user's id, so a participation is only ever visible to the user it belongs to.
 */

/**
 * The campaigns' question sets, per process: written when the campaign is created, never changed
 * (docs/decisions/022), content rather than personal data; 50–215 KB of JSON each, which every
 * question page and answer would otherwise read. 32 MB of JSON: a few hundred campaigns of the
 * largest parcours. Keyed by code, as the runner finds campaigns.
 */
const snapshotCache = new FrozenValueCache<CampaignSnapshot>(32 * 1024 * 1024);

export type RunnerCampaign = {
  id: number;
  /** The campaign's school: the participation and its answers are read and written by it. */
  schoolId: number;
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
  /** Known levels the adaptive walk started from (frozen at the start; {} when none). */
  startLevels: StartLevels;
};

export type RunnerView = { campaign: RunnerCampaign; participation: RunnerParticipation | null };

type RunnerRow = {
  campaign_id: number;
  school_id: number;
  code: string;
  name: string;
  title: string | null;
  custom_landing_text: string | null;
  archived_at: Date | null;
  /** Null when the process already holds it (`snapshot_cached`). */
  challenge_snapshot: unknown;
  snapshot_cached: boolean;
  school_name: string;
  participation_id: number | null;
  status: "STARTED" | "TO_SHARE" | "SHARED" | null;
  results: unknown;
  completed_at: Date | null;
  shared_at: Date | null;
  start_levels: unknown;
  answers: { challengeId: string; result: "OK" | "KO" | "SKIPPED"; value: string }[] | null;
};

/**
 * The campaign with this code and the user's active participation in it, or null for an unknown
 * code. One round trip: every question page and every answer reads it, for every student of a
 * class at once. Found by its code (unique), the campaign gives its school_id, and the
 * participation and its answers are then read by school (docs/scaling.md §3), never across schools.
 */
export async function getRunnerView(userId: number, code: string, db: DbClient = prisma): Promise<RunnerView | null> {
  return (await readRunnerView(userId, code, db, false))?.view ?? null;
}

/**
 * `getRunnerView` and, in the same statement, what `findLearnerOfCampaignSchool` reads (the
 * start page needs both: one statement fewer there, none more on the answer path).
 */
export async function getStartView(
  userId: number,
  code: string,
  db: DbClient = prisma,
): Promise<{ view: RunnerView; learner: { learnerDivision: string; campaignDivision: string | null } | null } | null> {
  return readRunnerView(userId, code, db, true);
}

async function readRunnerView(
  userId: number,
  code: string,
  db: DbClient,
  withLearner: boolean,
): Promise<{ view: RunnerView; learner: { learnerDivision: string; campaignDivision: string | null } | null } | null> {
  const learnerColumns = withLearner
    ? Prisma.sql`, lr.division AS learner_division, c.division AS campaign_division`
    : Prisma.empty;
  const learnerJoin = withLearner
    ? Prisma.sql`LEFT JOIN LATERAL (
        SELECT l.division FROM learners l
         WHERE l.school_id = c.school_id AND l.user_id = ${userId} AND NOT l.is_disabled
         ORDER BY l.id LIMIT 1
      ) lr ON true`
    : Prisma.empty;
  // The question set is immutable: read once per process and campaign, not on every page.
  const cached = snapshotCache.peek(code);
  const rows = await db.$queryRaw<
    (RunnerRow & { learner_division?: string | null; campaign_division?: string | null })[]
  >`
    SELECT c.id AS campaign_id, c.school_id, c.code, c.name, c.title, c.custom_landing_text, c.archived_at,
           ${cached ? Prisma.sql`c.id = ${cached.ownerId}` : Prisma.sql`false`} AS snapshot_cached,
           CASE WHEN ${cached ? Prisma.sql`c.id = ${cached.ownerId}` : Prisma.sql`false`} THEN NULL ELSE c.challenge_snapshot END
             AS challenge_snapshot,
           s.name AS school_name${learnerColumns},
           p.id AS participation_id, p.status::text AS status, p.results, p.completed_at, p.shared_at, p.start_levels,
           (SELECT json_agg(json_build_object('challengeId', a.challenge_id, 'result', a.result::text, 'value', a.value) ORDER BY a.id)
              FROM answers a WHERE a.school_id = p.school_id AND a.participation_id = p.id) AS answers
      FROM campaigns c
      JOIN schools s ON s.id = c.school_id
      LEFT JOIN LATERAL (
        SELECT * FROM participations
         WHERE school_id = c.school_id AND campaign_id = c.id AND user_id = ${userId} AND deleted_at IS NULL
         ORDER BY id DESC LIMIT 1
      ) p ON true
      ${learnerJoin}
     WHERE c.code = ${code}`;
  const row = rows[0];
  if (!row) return null;
  const learner =
    row.learner_division === undefined || row.learner_division === null
      ? null
      : { learnerDivision: row.learner_division, campaignDivision: row.campaign_division ?? null };
  const view: RunnerView = {
    campaign: {
      id: row.campaign_id,
      schoolId: row.school_id,
      code: row.code,
      title: row.title ?? row.name,
      customLandingText: row.custom_landing_text,
      isArchived: row.archived_at !== null,
      schoolName: row.school_name,
      // Written by buildCampaignSnapshot when the campaign was created, never edited since.
      snapshot:
        row.snapshot_cached && cached
          ? cached.value
          : snapshotCache.remember(row.code, row.campaign_id, row.challenge_snapshot as CampaignSnapshot),
    },
    participation:
      row.participation_id !== null && row.status !== null
        ? {
            id: row.participation_id,
            status: row.status,
            answers: row.answers ?? [],
            results: row.results as ParticipationResults | null,
            completedAt: row.completed_at,
            sharedAt: row.shared_at,
            startLevels: readStartLevels(row.start_levels),
          }
        : null,
  };
  return { view, learner };
}

/**
 * The student's enabled learner in the campaign's school, with its class and the campaign's, or
 * null: the start page of a campaign not started yet shows only to such a learner (the others are
 * sent back to the entry page, which says why), and warns one of another class.
 */
export async function findLearnerOfCampaignSchool(
  userId: number,
  campaignId: number,
  db: DbClient = prisma,
): Promise<{ learnerDivision: string; campaignDivision: string | null } | null> {
  const rows = await db.$queryRaw<{ learner_division: string; campaign_division: string | null }[]>`
    SELECT l.division AS learner_division, c.division AS campaign_division
      FROM learners l JOIN campaigns c ON c.school_id = l.school_id
     WHERE c.id = ${campaignId} AND l.user_id = ${userId} AND NOT l.is_disabled
     ORDER BY l.id
     LIMIT 1`;
  const row = rows[0];
  return row ? { learnerDivision: row.learner_division, campaignDivision: row.campaign_division } : null;
}

/**
 * The user's completed participations' results, whatever the school (the account spans the
 * schools it is linked to, docs/domain.md §3), for the profile. An earlier attempt kept by a
 * retry counts (the student did it); a participation the school deleted does not.
 */
export async function listCompletedResults(userId: number, db: DbClient = prisma): Promise<CompletedResult[]> {
  const rows = await db.participation.findMany({
    where: {
      userId,
      completedAt: { not: null },
      status: { in: ["TO_SHARE", "SHARED"] },
      OR: [{ deletedAt: null }, { retriedAt: { not: null } }],
    },
    orderBy: { completedAt: "desc" },
    select: { completedAt: true, results: true },
  });
  return rows.flatMap((row) => {
    const results = row.results as ParticipationResults | null;
    return row.completedAt && results ? [{ completedAt: row.completedAt, competences: results.competences }] : [];
  });
}
