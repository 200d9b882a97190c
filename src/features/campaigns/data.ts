import "server-only";

import { compareDivisions } from "@/features/classes/domain/class-label";
import { Prisma, prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";

import type { CampaignSnapshot, ParticipationResults } from "@/features/parcours/types";
import { progressPercent, readStartLevels } from "@/features/parcours/domain/adaptive";
import { compareFrench } from "@/messages/fr/format";

import { describeParticipantResult } from "./domain/participant-result";
import { filterNotStarted, filterParticipants } from "./domain/participant-filter";
import { averageResults, type ParticipantResults } from "./domain/results";
import { type CampaignListQuery, type ParticipantFilter, participantFilterSchema } from "./schema";
import type {
  ActivityParticipant,
  CampaignDetail,
  CampaignExport,
  CampaignResults,
  ExportRow,
  CampaignListPage,
  CampaignSheet,
  NotJoinedLearner,
  OwnerChoice,
  ParticipantResultDetail,
} from "./types";

export const CAMPAIGNS_PAGE_SIZE = 25;

const personSelect = { select: { id: true, firstName: true, lastName: true } } as const;

const detailSelect = {
  id: true,
  name: true,
  code: true,
  division: true,
  title: true,
  customLandingText: true,
  archivedAt: true,
  createdAt: true,
  targetProfile: { select: { id: true, name: true } },
  owner: personSelect,
  creator: personSelect,
} satisfies Prisma.CampaignSelect;

/** A campaign of this school, or NOT_FOUND — the same answer whether it is absent or another school's. */
export async function getCampaignOrThrow(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<CampaignDetail> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, schoolId }, select: detailSelect });
  if (!campaign) throw new DomainError("NOT_FOUND");
  return campaign;
}

export async function listCampaigns(
  schoolId: AuthorizedSchoolId,
  viewerUserId: number,
  query: CampaignListQuery,
  db: DbClient = prisma,
): Promise<CampaignListPage> {
  const where: Prisma.CampaignWhereInput = {
    schoolId,
    archivedAt: query.status === "archived" ? { not: null } : null,
    ...(query.tab === "mine" ? { ownerId: viewerUserId } : {}),
    ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}),
    ...(query.division ? { division: query.division } : {}),
  };
  const [total, campaigns] = await Promise.all([
    db.campaign.count({ where }),
    db.campaign.findMany({
      where,
      // Newest first; a batch created together (one per class) keeps its class order.
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * CAMPAIGNS_PAGE_SIZE,
      take: CAMPAIGNS_PAGE_SIZE,
      select: {
        id: true,
        name: true,
        code: true,
        division: true,
        createdAt: true,
        archivedAt: true,
        targetProfile: { select: { name: true } },
        owner: personSelect,
      },
    }),
  ]);
  const ids = campaigns.map((campaign) => campaign.id);
  const counts =
    ids.length === 0
      ? []
      : await db.participation.groupBy({
          by: ["campaignId", "status"],
          where: { campaignId: { in: ids }, deletedAt: null },
          _count: { _all: true },
        });
  return {
    rows: campaigns.map((campaign) => {
      const own = counts.filter((count) => count.campaignId === campaign.id);
      return {
        id: campaign.id,
        name: campaign.name,
        code: campaign.code,
        division: campaign.division,
        targetProfileName: campaign.targetProfile.name,
        owner: campaign.owner,
        createdAt: campaign.createdAt,
        archivedAt: campaign.archivedAt,
        participantCount: own.reduce((sum, count) => sum + count._count._all, 0),
        sharedCount: own.find((count) => count.status === "SHARED")?._count._all ?? 0,
      };
    }),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CAMPAIGNS_PAGE_SIZE)),
  };
}

/** Who may own a campaign: the school's members. */
export async function listOwnerChoices(schoolId: AuthorizedSchoolId, db: DbClient = prisma): Promise<OwnerChoice[]> {
  const members = await db.member.findMany({
    where: { schoolId },
    select: { user: personSelect },
    orderBy: [{ user: { lastName: "asc" } }, { user: { firstName: "asc" } }],
  });
  return members.map(({ user }) => ({ userId: user.id, firstName: user.firstName, lastName: user.lastName }));
}

/** Active campaigns per division for every parcours, for the bulk form: `{ [targetProfileId]: divisions }`. */
export async function mapDivisionsWithActiveCampaign(
  schoolId: AuthorizedSchoolId,
  db: DbClient = prisma,
): Promise<Record<string, string[]>> {
  const rows = await db.campaign.findMany({
    where: { schoolId, archivedAt: null, division: { not: null } },
    select: { division: true, targetProfileId: true },
    distinct: ["targetProfileId", "division"],
  });
  const map: Record<string, string[]> = {};
  for (const row of rows) if (row.division) (map[row.targetProfileId] ??= []).push(row.division);
  return map;
}

function displayLastName(learner: { lastName: string; preferredLastName: string | null }): string {
  return learner.preferredLastName ?? learner.lastName;
}

/** Alphabetical as people read it (the database collation may put "BÉGUIN" after "BONNET"). */
function compareNames(a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }): number {
  return compareFrench(a.lastName, b.lastName) || compareFrench(a.firstName, b.firstName);
}

/**
 * For a class campaign: the enabled learners of the class with no participation in it yet.
 * Null for a school-wide campaign. Polled while a class joins, so it is one indexed query.
 */
export async function listNotJoinedLearners(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<NotJoinedLearner[] | null> {
  const campaign = await db.campaign.findFirst({ where: { id: campaignId, schoolId }, select: { division: true } });
  if (!campaign) throw new DomainError("NOT_FOUND");
  if (campaign.division === null) return null;
  const learners = await db.learner.findMany({
    where: {
      schoolId,
      division: campaign.division,
      isDisabled: false,
      participations: { none: { campaignId, deletedAt: null } },
    },
    select: { id: true, firstName: true, lastName: true, preferredLastName: true, division: true },
  });
  return learners
    .map((learner) => ({
      id: learner.id,
      firstName: learner.firstName,
      lastName: displayLastName(learner),
      division: learner.division,
    }))
    .sort(compareNames);
}

/** What the printable fiche élève needs: one sheet per class, one slip per learner. */
export async function getCampaignSheet(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<CampaignSheet> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, schoolId },
    select: { name: true, code: true, division: true, archivedAt: true, school: { select: { name: true } } },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  if (campaign.archivedAt !== null) {
    return {
      schoolName: campaign.school.name,
      campaignName: campaign.name,
      code: campaign.code,
      isArchived: true,
      classes: [],
    };
  }
  const learners = await db.learner.findMany({
    where: { schoolId, isDisabled: false, ...(campaign.division ? { division: campaign.division } : {}) },
    select: { id: true, firstName: true, lastName: true, preferredLastName: true, division: true },
  });
  const byDivision = new Map<string, CampaignSheet["classes"][number]["learners"]>();
  if (campaign.division) byDivision.set(campaign.division, []);
  for (const learner of learners) {
    const list = byDivision.get(learner.division) ?? [];
    list.push({ id: learner.id, firstName: learner.firstName, lastName: displayLastName(learner) });
    byDivision.set(learner.division, list);
  }
  return {
    schoolName: campaign.school.name,
    campaignName: campaign.name,
    code: campaign.code,
    isArchived: false,
    classes: [...byDivision.entries()]
      .sort(([a], [b]) => compareDivisions(a, b))
      .map(([division, list]) => ({ division, learners: list.sort(compareNames) })),
  };
}

type ParticipationWithLearner = {
  id: number;
  status: "STARTED" | "TO_SHARE" | "SHARED";
  createdAt: Date;
  sharedAt: Date | null;
  masteryRate: number | null;
  results: Prisma.JsonValue;
  /** Frozen when it started (`readStartLevels`): the progress replays the walk from there. */
  startLevels: Prisma.JsonValue;
  learner: {
    id: number;
    firstName: string;
    lastName: string;
    preferredLastName: string | null;
    division: string;
    nationalStudentId: string;
  };
  answers: { challengeId: string; result: "OK" | "KO" | "SKIPPED" }[];
};

async function readCampaignParticipations(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient,
): Promise<{ snapshot: CampaignSnapshot; participations: ParticipationWithLearner[] }> {
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, schoolId },
    select: {
      challengeSnapshot: true,
      participations: {
        where: { deletedAt: null },
        select: {
          id: true,
          status: true,
          createdAt: true,
          sharedAt: true,
          masteryRate: true,
          results: true,
          startLevels: true,
          learner: {
            select: {
              id: true,
              firstName: true,
              lastName: true,
              preferredLastName: true,
              division: true,
              nationalStudentId: true,
            },
          },
          answers: { select: { challengeId: true, result: true }, orderBy: { id: "asc" } },
        },
      },
    },
  });
  if (!campaign) throw new DomainError("NOT_FOUND");
  const participations = [...campaign.participations].sort(
    (a, b) =>
      compareDivisions(a.learner.division, b.learner.division) ||
      compareNames(
        { lastName: displayLastName(a.learner), firstName: a.learner.firstName },
        { lastName: displayLastName(b.learner), firstName: b.learner.firstName },
      ),
  );
  return { snapshot: campaign.challengeSnapshot as unknown as CampaignSnapshot, participations };
}

function progressOf(snapshot: CampaignSnapshot, participation: ParticipationWithLearner): number {
  return progressPercent(
    snapshot,
    participation.status,
    participation.answers,
    readStartLevels(participation.startLevels),
  );
}

/** Participants with their status and progress, for the Activité tab (polled while a class joins). */
export async function listActivityParticipants(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<ActivityParticipant[]> {
  const { snapshot, participations } = await readCampaignParticipations(schoolId, campaignId, db);
  return participations.map((participation) => ({
    participationId: participation.id,
    learnerId: participation.learner.id,
    firstName: participation.learner.firstName,
    lastName: displayLastName(participation.learner),
    division: participation.learner.division,
    status: participation.status,
    progress: progressOf(snapshot, participation),
    masteryRate: participation.status === "SHARED" ? readResults(participation).masteryRate : null,
    startedAt: participation.createdAt,
  }));
}

/** Rates from a participation's stored results; tolerant of a missing or older shape. */
function readResults(participation: ParticipationWithLearner): ParticipantResults {
  const results = participation.results as Partial<ParticipationResults> | null;
  const competenceRates: Record<string, number> = {};
  for (const competence of results?.competences ?? []) {
    if (typeof competence?.masteryRate === "number") competenceRates[competence.competenceId] = competence.masteryRate;
  }
  const masteryRate =
    participation.masteryRate ?? (typeof results?.masteryRate === "number" ? results.masteryRate : null);
  return { masteryRate, competenceRates };
}

/**
 * The Résultats tab: per participant the filter keeps (by default the shared results), status,
 * progress, and the rates once shared; the averages of the shared results among them; for a class
 * campaign and the statuses "Tous" / "Pas commencé", the class's learners with no participation.
 */
export async function getCampaignResults(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  filter: ParticipantFilter = participantFilterSchema("shared").parse({}),
  db: DbClient = prisma,
): Promise<CampaignResults> {
  const { snapshot, participations } = await readCampaignParticipations(schoolId, campaignId, db);
  const notJoined = await listNotJoinedLearners(schoolId, campaignId, db);
  const competences = snapshot.competences.map(({ id, name }) => ({ id, name }));
  const all = participations.map((participation) => {
    const results = participation.status === "SHARED" ? readResults(participation) : null;
    return {
      participationId: participation.id,
      learnerId: participation.learner.id,
      firstName: participation.learner.firstName,
      lastName: displayLastName(participation.learner),
      division: participation.learner.division,
      status: participation.status,
      progress: progressOf(snapshot, participation),
      sharedAt: participation.status === "SHARED" ? participation.sharedAt : null,
      masteryRate: results?.masteryRate ?? null,
      competenceRates: results?.competenceRates ?? {},
    };
  });
  const rows = filterParticipants(all, filter);
  return {
    competences,
    rows,
    notStarted: notJoined === null ? [] : filterNotStarted(notJoined, filter),
    averages: averageResults(
      rows.filter((row) => row.status === "SHARED"),
      competences.map((competence) => competence.id),
    ),
  };
}

/**
 * The CSV export: the campaign (name, code, parcours), then one line per participant the filter
 * keeps (results only once shared), or the class's learners not started for that status. The INE
 * only when `includeIne` (ADMIN, decided by the loader).
 */
export async function getCampaignExport(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  filter: ParticipantFilter = participantFilterSchema("all").parse({}),
  options: { includeIne?: boolean } = {},
  db: DbClient = prisma,
): Promise<CampaignExport> {
  const campaign = await getCampaignOrThrow(schoolId, campaignId, db);
  const { snapshot, participations } = await readCampaignParticipations(schoolId, campaignId, db);
  const includeIne = options.includeIne === true;
  const all = participations.map((participation) => {
    const results = participation.status === "SHARED" ? readResults(participation) : null;
    return {
      lastName: displayLastName(participation.learner),
      firstName: participation.learner.firstName,
      division: participation.learner.division,
      ine: includeIne ? participation.learner.nationalStudentId : null,
      status: participation.status,
      masteryRate: results?.masteryRate ?? null,
      progress: progressOf(snapshot, participation),
      startedAt: participation.createdAt,
      sharedAt: participation.status === "SHARED" ? participation.sharedAt : null,
      results,
    };
  });
  const rows: ExportRow[] = filterParticipants(all, filter).map(({ masteryRate: _mastery, ...row }) => row);
  if (filter.status === "not-started" && campaign.division !== null) {
    const learners = await db.learner.findMany({
      where: {
        schoolId,
        division: campaign.division,
        isDisabled: false,
        participations: { none: { campaignId, deletedAt: null } },
      },
      select: { firstName: true, lastName: true, preferredLastName: true, division: true, nationalStudentId: true },
    });
    for (const learner of filterNotStarted(
      learners.map((learner) => ({ ...learner, lastName: displayLastName(learner) })),
      filter,
    )) {
      rows.push({
        lastName: learner.lastName,
        firstName: learner.firstName,
        division: learner.division,
        ine: includeIne ? learner.nationalStudentId : null,
        status: "NOT_STARTED",
        progress: 0,
        startedAt: null,
        sharedAt: null,
        results: null,
      });
    }
  }
  return {
    campaignName: campaign.name,
    code: campaign.code,
    targetProfileName: campaign.targetProfile.name,
    includeIne,
    competences: snapshot.competences.map(({ id, name }) => ({ id, name })),
    rows,
  };
}

/**
 * One participation of a campaign of this school, for its result page; NOT_FOUND when the
 * participation is not of this campaign, or the campaign not of this school (the same answer).
 * Competences, levels, mastery and the questions met only once the student shared the results.
 */
export async function getParticipantResult(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  participationId: number,
  db: DbClient = prisma,
): Promise<ParticipantResultDetail> {
  const participation = await db.participation.findFirst({
    // The active participation, or an earlier attempt replaced by a retry; never a deleted one.
    where: {
      id: participationId,
      campaignId,
      campaign: { schoolId },
      OR: [{ deletedAt: null }, { retriedAt: { not: null } }],
    },
    select: {
      id: true,
      status: true,
      results: true,
      createdAt: true,
      completedAt: true,
      sharedAt: true,
      deletedAt: true,
      startLevels: true,
      campaign: {
        select: { id: true, name: true, code: true, ownerId: true, archivedAt: true, challengeSnapshot: true },
      },
      learner: { select: { id: true, firstName: true, lastName: true, preferredLastName: true, division: true } },
      answers: { select: { challengeId: true, result: true, value: true }, orderBy: { id: "asc" } },
    },
  });
  if (!participation) throw new DomainError("NOT_FOUND");
  const snapshot = participation.campaign.challengeSnapshot as unknown as CampaignSnapshot;
  const results = participation.results as ParticipationResults | null;
  const isShared = participation.status === "SHARED" && results !== null;
  return {
    participationId: participation.id,
    campaign: {
      id: participation.campaign.id,
      name: participation.campaign.name,
      code: participation.campaign.code,
      ownerId: participation.campaign.ownerId,
      isArchived: participation.campaign.archivedAt !== null,
    },
    learner: {
      id: participation.learner.id,
      firstName: participation.learner.firstName,
      lastName: displayLastName(participation.learner),
      division: participation.learner.division,
    },
    status: participation.status,
    progress: progressPercent(
      snapshot,
      participation.status,
      participation.answers,
      readStartLevels(participation.startLevels),
    ),
    startedAt: participation.createdAt,
    completedAt: participation.completedAt,
    sharedAt: participation.sharedAt,
    isEarlierAttempt: participation.deletedAt !== null,
    shared: isShared
      ? {
          masteryRate: results.masteryRate,
          answeredCount: results.answeredCount,
          correctCount: results.correctCount,
          competences: describeParticipantResult(snapshot, results, participation.answers),
        }
      : null,
  };
}

/** Whether anyone ever started the campaign (a deleted participation counts: answers were given). */
export async function hasAnyParticipation(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  db: DbClient = prisma,
): Promise<boolean> {
  const participation = await db.participation.findFirst({
    where: { campaignId, campaign: { schoolId } },
    select: { id: true },
  });
  return participation !== null;
}
