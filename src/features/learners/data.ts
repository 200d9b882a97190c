import "server-only";

import { Prisma, prisma, type DbClient } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import {
  IDO_REPLACED_AUDIT_ACTION,
  IDO_REPLACEMENT_REFUSED_AUDIT_ACTION,
  isIdoReplacementRefusal,
} from "./domain/ido-replacement";

import { progressPercent, readStartLevels } from "@/features/parcours/domain/adaptive";
import type { CampaignSnapshot } from "@/features/parcours/types";

import { maskIne } from "./domain/ine-mask";
import { ACCENTED, UNACCENTED, explainSearchMatch, searchTerms, searchWords } from "./domain/name-search";
import { LEARNERS_PAGE_SIZE, type LearnerListQuery } from "./schema";
import type { IdoReplacementRow, LearnerDetail, LearnerPage, LearnerRow } from "./types";

function folded(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`lower(translate(${column}, ${ACCENTED}, ${UNACCENTED}))`;
}

/** Alphabetical as people read it: accents and case ignored, whatever the database collation. */
const nameOrder = Prisma.sql`${folded(Prisma.sql`coalesce(l.preferred_last_name, l.last_name)`)}, ${folded(Prisma.sql`l.first_name`)}, l.id`;

const hasGarMethod = Prisma.sql`EXISTS (
  SELECT 1 FROM authentication_methods am WHERE am.user_id = l.user_id AND am.provider = 'GAR'
)`;

/** Options of the Élèves list, decided by the caller's abilities. */
export type ListLearnersOptions = {
  /** A whole INE typed in the search finds its learner (ADMINs, who may reveal INEs). */
  canSearchIne?: boolean;
};

function filters(schoolId: AuthorizedSchoolId, query: LearnerListQuery, options: ListLearnersOptions = {}): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`l.school_id = ${schoolId}`, Prisma.sql`l.is_disabled = false`];
  if (query.division) conditions.push(Prisma.sql`l.division = ${query.division}`);
  if (query.joined === "yes") conditions.push(Prisma.sql`l.user_id IS NOT NULL`);
  if (query.joined === "no") conditions.push(Prisma.sql`l.user_id IS NULL`);
  if (query.connection === "GAR") conditions.push(hasGarMethod);
  if (query.connection === "NONE") conditions.push(Prisma.sql`NOT ${hasGarMethod}`);
  const words = searchWords(query.q);
  for (const [index, term] of searchTerms(query.q).entries()) {
    const pattern = `%${term}%`;
    const ine = options.canSearchIne ? Prisma.sql`OR lower(l.national_student_id) = ${words[index]}` : Prisma.empty;
    conditions.push(Prisma.sql`(
      ${folded(Prisma.sql`l.last_name`)} LIKE ${pattern}
      OR ${folded(Prisma.sql`l.first_name`)} LIKE ${pattern}
      OR ${folded(Prisma.sql`coalesce(l.preferred_last_name, '')`)} LIKE ${pattern}
      OR ${folded(Prisma.sql`coalesce(l.middle_name, '')`)} LIKE ${pattern}
      ${ine}
    )`);
  }
  return Prisma.join(conditions, " AND ");
}

type RawLearnerRow = {
  id: number;
  first_name: string;
  last_name: string;
  preferred_last_name: string | null;
  middle_name: string | null;
  national_student_id: string;
  birthdate: Date;
  division: string;
  user_id: number | null;
  has_gar: boolean;
  participation_count: number;
  last_participation_at: Date | null;
  total: number;
};

function isoDate(date: Date): string {
  // Prisma hands a DATE column back as midnight UTC.
  return date.toISOString().slice(0, 10);
}

/**
 * One page of the school's enabled learners with their participation aggregates, in a single
 * round trip: the page is cut first (with the filtered total as a window count), then only
 * those rows get their aggregates, so the cost stays flat for a 3,000-learner school.
 */
export async function listLearners(
  schoolId: AuthorizedSchoolId,
  query: LearnerListQuery,
  options: ListLearnersOptions = {},
  db: DbClient = prisma,
): Promise<LearnerPage> {
  const pageSize = LEARNERS_PAGE_SIZE;
  const offset = (query.page - 1) * pageSize;
  const rows = await db.$queryRaw<RawLearnerRow[]>`
    WITH page AS (
      SELECT l.id, count(*) OVER ()::int AS total
      FROM learners l
      WHERE ${filters(schoolId, query, options)}
      ORDER BY ${nameOrder}
      LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT l.id, l.first_name, l.last_name, l.preferred_last_name, l.middle_name, l.national_student_id,
           l.birthdate, l.division, l.user_id,
           ${hasGarMethod} AS has_gar,
           coalesce(p.participation_count, 0)::int AS participation_count,
           p.last_participation_at,
           page.total
    FROM page
    JOIN learners l ON l.id = page.id
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS participation_count, max(pa.created_at) AS last_participation_at
      FROM participations pa
      WHERE pa.learner_id = l.id AND pa.deleted_at IS NULL
    ) p ON true
    ORDER BY ${nameOrder}
  `;

  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && query.page > 1) {
    // Past the last page (a stale link): still report the total so the pager can lead back.
    const [{ count }] = await db.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM learners l WHERE ${filters(schoolId, query, options)}
    `;
    total = count;
  }

  return {
    rows: rows.map((row): LearnerRow => ({
      id: row.id,
      firstName: row.first_name,
      lastName: row.preferred_last_name ?? row.last_name,
      birthLastName: row.preferred_last_name && row.preferred_last_name !== row.last_name ? row.last_name : null,
      // The INE is read to say why a search found the row, never returned.
      matchedBy: query.q
        ? explainSearchMatch(query.q, {
            firstName: row.first_name,
            displayedLastName: row.preferred_last_name ?? row.last_name,
            birthLastName: row.last_name,
            middleName: row.middle_name,
            ine: options.canSearchIne ? row.national_student_id : null,
          })
        : [],
      birthdate: isoDate(row.birthdate),
      division: row.division,
      hasJoined: row.user_id !== null,
      connection: row.has_gar ? "GAR" : "NONE",
      participationCount: row.participation_count,
      lastParticipationAt: row.last_participation_at,
    })),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
  };
}

/** Whether the school has any enabled learner: the empty state differs ("importez votre base"). */
export async function hasEnabledLearners(schoolId: AuthorizedSchoolId, db: DbClient = prisma): Promise<boolean> {
  const learner = await db.learner.findFirst({ where: { schoolId, isDisabled: false }, select: { id: true } });
  return learner !== null;
}

export const IDO_REPLACEMENTS_WINDOW_DAYS = 30;

/**
 * The IDO replacements of the school's learners, accepted and refused, over the last 30 days,
 * newest first (docs/domain.md §5). The audit rows hold ids only; the learner's names come from the
 * school's own learners table, for its ADMINs.
 */
export async function listIdoReplacements(
  schoolId: AuthorizedSchoolId,
  now = new Date(),
  db: DbClient = prisma,
): Promise<IdoReplacementRow[]> {
  const since = new Date(now.getTime() - IDO_REPLACEMENTS_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const rows = await db.$queryRaw<
    {
      id: number;
      created_at: Date;
      action: string;
      data: unknown;
      learner_id: number | null;
      first_name: string | null;
      last_name: string | null;
      preferred_last_name: string | null;
      division: string | null;
      is_linked: boolean | null;
    }[]
  >`
    SELECT a.id, a.created_at, a.action, a.data, l.id AS learner_id, l.first_name, l.last_name, l.preferred_last_name, l.division,
           (l.user_id IS NOT NULL) AS is_linked
    FROM audit_logs a
    LEFT JOIN learners l ON l.school_id = a.school_id AND a.target_type = 'learner' AND l.id::text = a.target_id
    WHERE a.school_id = ${schoolId}
      AND a.action IN (${IDO_REPLACED_AUDIT_ACTION}, ${IDO_REPLACEMENT_REFUSED_AUDIT_ACTION})
      AND a.created_at >= ${since}
    ORDER BY a.created_at DESC, a.id DESC
    LIMIT 500
  `;
  return rows.map((row) => {
    const data = (row.data ?? {}) as Record<string, unknown>;
    return {
      id: row.id,
      at: row.created_at,
      accepted: row.action === IDO_REPLACED_AUDIT_ACTION,
      reason: isIdoReplacementRefusal(data.reason) ? data.reason : null,
      learner:
        row.learner_id === null
          ? null
          : {
              id: row.learner_id,
              firstName: row.first_name ?? "",
              lastName: row.preferred_last_name ?? row.last_name ?? "",
              division: row.division ?? "",
              isLinked: row.is_linked === true,
            },
    };
  });
}

/** Whether the school manages students (its learners can be dissociated from accounts). */
export async function schoolManagesStudents(schoolId: AuthorizedSchoolId, db: DbClient = prisma): Promise<boolean> {
  const school = await db.school.findUnique({ where: { id: schoolId }, select: { managesStudents: true } });
  return school?.managesStudents === true;
}

/**
 * The learner page: a learner of this school (never an erased one), their account's connection
 * and every participation in the school's campaigns, newest first — the active ones and the
 * earlier attempts replaced by a retry; deleted participations are gone. Null when absent or
 * another school's (the same answer). Mastery only once shared, as in Pix.
 */
export async function getLearnerDetail(
  schoolId: AuthorizedSchoolId,
  learnerId: number,
  db: DbClient = prisma,
): Promise<LearnerDetail | null> {
  const learner = await db.learner.findFirst({
    where: { id: learnerId, schoolId, erasedAt: null },
    select: {
      id: true,
      nationalStudentId: true,
      firstName: true,
      middleName: true,
      thirdName: true,
      lastName: true,
      preferredLastName: true,
      birthdate: true,
      division: true,
      isDisabled: true,
      user: {
        select: { lastLoggedAt: true, authenticationMethods: { where: { provider: "GAR" }, select: { id: true } } },
      },
      participations: {
        where: { campaign: { schoolId }, OR: [{ deletedAt: null }, { retriedAt: { not: null } }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          status: true,
          masteryRate: true,
          createdAt: true,
          sharedAt: true,
          deletedAt: true,
          startLevels: true,
          campaign: { select: { id: true, name: true, code: true, challengeSnapshot: true } },
          answers: { select: { challengeId: true, result: true }, orderBy: { id: "asc" } },
        },
      },
    },
  });
  if (!learner) return null;
  return {
    id: learner.id,
    firstName: learner.firstName,
    middleName: learner.middleName,
    thirdName: learner.thirdName,
    lastName: learner.lastName,
    preferredLastName:
      learner.preferredLastName && learner.preferredLastName !== learner.lastName ? learner.preferredLastName : null,
    birthdate: isoDate(learner.birthdate),
    division: learner.division,
    isDisabled: learner.isDisabled,
    maskedIne: maskIne(learner.nationalStudentId),
    hasJoined: learner.user !== null,
    connection: (learner.user?.authenticationMethods.length ?? 0) > 0 ? "GAR" : "NONE",
    lastConnectionAt: learner.user?.lastLoggedAt ?? null,
    participations: learner.participations.map((participation) => ({
      participationId: participation.id,
      campaignId: participation.campaign.id,
      campaignName: participation.campaign.name,
      campaignCode: participation.campaign.code,
      status: participation.status,
      progress: progressPercent(
        participation.campaign.challengeSnapshot as unknown as CampaignSnapshot,
        participation.status,
        participation.answers,
        readStartLevels(participation.startLevels),
      ),
      masteryRate: participation.status === "SHARED" ? participation.masteryRate : null,
      startedAt: participation.createdAt,
      sharedAt: participation.sharedAt,
      isEarlierAttempt: participation.deletedAt !== null,
    })),
  };
}
