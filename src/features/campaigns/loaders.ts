import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { listDivisions } from "@/features/classes/data";
import { hasEnabledLearners } from "@/features/learners/data";
import { listTargetProfiles } from "@/features/parcours/data";
import { can } from "@/lib/abilities";
import { recordStaffRead, STAFF_READ_ACTIONS } from "@/lib/audit";
import { isDomainError } from "@/lib/errors";
import { getMemberContext, memberOrRedirect, type AuthorizedSchoolId, type MemberContext } from "@/lib/session";

import { countByStatus } from "./domain/activity";
import { filterNotStarted, filterParticipants } from "./domain/participant-filter";

import {
  getCampaignExport,
  getCampaignOrThrow,
  getCampaignResults,
  listActivityParticipants,
  getCampaignSheet,
  getParticipantResult,
  hasAnyParticipation,
  listCampaigns,
  listNotJoinedLearners,
  listOwnerChoices,
  mapDivisionsWithActiveCampaign,
} from "./data";
import {
  campaignIdSchema,
  campaignListQuerySchema,
  type ParticipantFilter,
  participantFilterQuery,
  participantFilterSchema,
} from "./schema";
import type { CampaignActivity, CampaignExport } from "./types";

async function loadTargetProfileChoices() {
  const profiles = await listTargetProfiles();
  return profiles.map((profile) => ({
    id: profile.id,
    name: profile.name,
    description: profile.description,
    durationMinutes: profile.durationMinutes,
    competenceCount: profile.competences.length,
    targets: profile.competences.flatMap((competence) => {
      const level = profile.targetLevels[competence.id];
      return level === undefined ? [] : [{ competenceId: competence.id, name: competence.name, level }];
    }),
  }));
}

/** NOT_FOUND from a read (absent, or another school's) becomes the 404 page. */
async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

function parseId(raw: string): number {
  const parsed = campaignIdSchema.safeParse(raw);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function loadCampaignListPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await memberOrRedirect();
  const query = campaignListQuerySchema.parse(searchParams);
  const [page, divisions, hasLearners] = await Promise.all([
    listCampaigns(member.school.id, member.userId, query),
    listDivisions(member.school.id),
    hasEnabledLearners(member.school.id),
  ]);
  /** Set by the deletion action's redirect. */
  const justDeleted = searchParams.suppression === "faite";
  return { query, page, divisions, hasLearners, justDeleted };
}

export async function loadNewCampaignPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await memberOrRedirect();
  const requested = typeof searchParams.classe === "string" ? searchParams.classe : "";
  const [targetProfiles, divisions, owners] = await Promise.all([
    loadTargetProfileChoices(),
    listDivisions(member.school.id),
    listOwnerChoices(member.school.id),
  ]);
  return {
    targetProfiles,
    divisions,
    owners,
    currentUserId: member.userId,
    selectedDivision: divisions.includes(requested) ? requested : "",
  };
}

export async function loadBulkCreatePage() {
  const member = await memberOrRedirect();
  const [targetProfiles, divisions, covered] = await Promise.all([
    loadTargetProfileChoices(),
    listDivisions(member.school.id),
    mapDivisionsWithActiveCampaign(member.school.id),
  ]);
  return { targetProfiles, divisions, covered };
}

export const loadCampaign = cache(async (rawId: string) => {
  const member = await memberOrRedirect();
  const campaignId = parseId(rawId);
  const campaign = await orNotFound(() => getCampaignOrThrow(member.school.id, campaignId));
  return { member, campaign, canManage: can(member, "campaign:manage", { ownerId: campaign.owner.id }) };
});

type SearchParams = Record<string, string | string[] | undefined>;

function searchParamsOf(params: URLSearchParams | SearchParams): SearchParams {
  return params instanceof URLSearchParams ? Object.fromEntries(params.entries()) : params;
}

/**
 * The Activité data the filter keeps: counts by status over the class asked for, the participants
 * of the status asked for, and (class campaign) the learners not started yet when it shows them.
 */
async function readActivity(
  schoolId: AuthorizedSchoolId,
  campaignId: number,
  filter: ParticipantFilter,
): Promise<CampaignActivity> {
  const [participants, notJoined] = await Promise.all([
    listActivityParticipants(schoolId, campaignId),
    listNotJoinedLearners(schoolId, campaignId),
  ]);
  const inClass = participants.filter((participant) => !filter.division || participant.division === filter.division);
  return {
    counts: countByStatus(inClass.map((participant) => participant.status)),
    participants: filterParticipants(participants, filter),
    // Hidden (null) when the status asked for is one that participants have.
    notJoined:
      notJoined === null || (filter.status !== "all" && filter.status !== "not-started")
        ? null
        : filterNotStarted(notJoined, filter),
  };
}

type Reader = { userId: number; role: string; school: { id: number } };
const readerOf = (member: Reader) => ({ userId: member.userId, role: member.role, schoolId: member.school.id });

/**
 * The Activité tab's first load is audited; its live refresh (the activity route, every few
 * seconds) is the same read continuing and is not.
 */
export async function loadCampaignActivity(rawId: string, searchParams: SearchParams = {}) {
  const { member, campaign } = await loadCampaign(rawId);
  const filter = participantFilterSchema("all").parse(searchParams);
  const [activity, divisions] = await Promise.all([
    orNotFound(() => readActivity(member.school.id, campaign.id, filter)),
    listDivisions(member.school.id),
  ]);
  await recordStaffRead(readerOf(member), {
    action: STAFF_READ_ACTIONS.campaignActivity,
    targetType: "campaign",
    targetId: campaign.id,
    ids: { kind: "learnerIds", values: activity.participants.map((participant) => participant.learnerId) },
  });
  return {
    campaign,
    filter,
    divisions,
    pollQuery: participantFilterQuery(filter, "all"),
    activity,
    /** Set by the participation deletion's redirect. */
    justDeletedParticipation: searchParams.suppression === "participation",
  };
}

export async function loadCampaignResults(rawId: string, searchParams: SearchParams = {}) {
  const { member, campaign } = await loadCampaign(rawId);
  const filter = participantFilterSchema("shared").parse(searchParams);
  const [results, divisions] = await Promise.all([
    orNotFound(() => getCampaignResults(member.school.id, campaign.id, filter)),
    listDivisions(member.school.id),
  ]);
  await recordStaffRead(readerOf(member), {
    action: STAFF_READ_ACTIONS.campaignResults,
    targetType: "campaign",
    targetId: campaign.id,
    ids: { kind: "participationIds", values: results.rows.map((row) => row.participationId) },
  });
  return { campaign, filter, divisions, results };
}

/**
 * Route handlers answer with a status instead of redirecting: 401 without a member session,
 * 404 for a campaign that is absent or another school's (the same answer, so nothing leaks).
 */
export type RouteResult<T> = { ok: true; data: T } | { ok: false; status: 401 | 404 };

async function forRoute<T>(
  rawId: string,
  read: (member: MemberContext, campaignId: number) => Promise<T>,
): Promise<RouteResult<T>> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return { ok: false, status: 401 };
  const parsed = campaignIdSchema.safeParse(rawId);
  if (!parsed.success) return { ok: false, status: 404 };
  try {
    return { ok: true, data: await read(member, parsed.data) };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return { ok: false, status: 404 };
    throw error;
  }
}

/** The polling route: the same filter as the page (its URL parameters). */
export async function loadActivityForRoute(
  rawId: string,
  searchParams: URLSearchParams | SearchParams = {},
): Promise<RouteResult<CampaignActivity>> {
  const filter = participantFilterSchema("all").parse(searchParamsOf(searchParams));
  return forRoute(rawId, (member, campaignId) => readActivity(member.school.id, campaignId, filter));
}

/** The CSV export follows the tab's filters (its URL parameters); the INE column for ADMINs only. */
export async function loadExportForRoute(
  rawId: string,
  searchParams: URLSearchParams | SearchParams = {},
): Promise<RouteResult<CampaignExport>> {
  const filter = participantFilterSchema("all").parse(searchParamsOf(searchParams));
  const result = await forRoute(rawId, (member, campaignId) =>
    getCampaignExport(member.school.id, campaignId, filter, { includeIne: can(member, "learners:reveal-ine") }),
  );
  const member = result.ok ? await getMemberContext() : null;
  if (result.ok && member) {
    await recordStaffRead(readerOf(member), {
      action: STAFF_READ_ACTIONS.campaignExport,
      targetType: "campaign",
      targetId: Number(rawId),
      ids: { kind: "learnerIds", values: [] },
      count: result.data.rows.length,
    });
  }
  return result;
}

export async function loadCampaignSettings(rawId: string) {
  const { member, campaign, canManage } = await loadCampaign(rawId);
  const canDuplicate = can(member, "campaign:create");
  const [owners, divisions, started] = await Promise.all([
    canManage ? listOwnerChoices(member.school.id) : [],
    canDuplicate ? listDivisions(member.school.id) : [],
    hasAnyParticipation(member.school.id, campaign.id),
  ]);
  return { campaign, canManage, owners, divisions, canDuplicate, canDelete: canManage && !started };
}

export async function loadCampaignSheet(rawId: string) {
  const member = await memberOrRedirect();
  const campaignId = parseId(rawId);
  const sheet = await orNotFound(() => getCampaignSheet(member.school.id, campaignId));
  await recordStaffRead(readerOf(member), {
    action: STAFF_READ_ACTIONS.studentSheets,
    targetType: "campaign",
    targetId: campaignId,
    ids: { kind: "learnerIds", values: sheet.classes.flatMap((group) => group.learners.map((learner) => learner.id)) },
  });
  return sheet;
}

/** The participant result page: any member of the school; a participation of another campaign or school is a 404. */
export const loadParticipantResultPage = cache(async (rawCampaignId: string, rawParticipationId: string) => {
  const member = await memberOrRedirect();
  const campaignId = parseId(rawCampaignId);
  const participationId = parseId(rawParticipationId);
  const result = await orNotFound(() => getParticipantResult(member.school.id, campaignId, participationId));
  const canManage = can(member, "campaign:manage", { ownerId: result.campaign.ownerId }) && !result.isEarlierAttempt;
  return {
    result,
    canManage,
    canRetry: canManage && result.status === "SHARED" && !result.campaign.isArchived,
  };
});
