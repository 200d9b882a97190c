import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { listDivisions } from "@/features/classes/data";
import { hasEnabledLearners } from "@/features/learners/data";
import { listTargetProfiles } from "@/features/parcours/data";
import { can } from "@/lib/abilities";
import { isDomainError } from "@/lib/errors";
import { getMemberContext, memberOrRedirect, type AuthorizedSchoolId } from "@/lib/session";

import { countByStatus } from "./domain/activity";

import {
  getCampaignExport,
  getCampaignOrThrow,
  getCampaignResults,
  listActivityParticipants,
  getCampaignSheet,
  listCampaigns,
  listNotJoinedLearners,
  listOwnerChoices,
  mapDivisionsWithActiveCampaign,
} from "./data";
import { campaignIdSchema, campaignListQuerySchema } from "./schema";
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

function parseCampaignId(raw: string): number {
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
  return { query, page, divisions, hasLearners };
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
  const campaignId = parseCampaignId(rawId);
  const campaign = await orNotFound(() => getCampaignOrThrow(member.school.id, campaignId));
  return { member, campaign, canManage: can(member, "campaign:manage", { ownerId: campaign.owner.id }) };
});

async function readActivity(schoolId: AuthorizedSchoolId, campaignId: number): Promise<CampaignActivity> {
  const [participants, notJoined] = await Promise.all([
    listActivityParticipants(schoolId, campaignId),
    listNotJoinedLearners(schoolId, campaignId),
  ]);
  return { counts: countByStatus(participants.map((participant) => participant.status)), participants, notJoined };
}

export async function loadCampaignActivity(rawId: string) {
  const { member, campaign } = await loadCampaign(rawId);
  return { campaign, activity: await orNotFound(() => readActivity(member.school.id, campaign.id)) };
}

export async function loadCampaignResults(rawId: string) {
  const { member, campaign } = await loadCampaign(rawId);
  return { campaign, results: await orNotFound(() => getCampaignResults(member.school.id, campaign.id)) };
}

/**
 * Route handlers answer with a status instead of redirecting: 401 without a member session,
 * 404 for a campaign that is absent or another school's (the same answer, so nothing leaks).
 */
export type RouteResult<T> = { ok: true; data: T } | { ok: false; status: 401 | 404 };

async function forRoute<T>(
  rawId: string,
  read: (schoolId: AuthorizedSchoolId, campaignId: number) => Promise<T>,
): Promise<RouteResult<T>> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return { ok: false, status: 401 };
  const parsed = campaignIdSchema.safeParse(rawId);
  if (!parsed.success) return { ok: false, status: 404 };
  try {
    return { ok: true, data: await read(member.school.id, parsed.data) };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return { ok: false, status: 404 };
    throw error;
  }
}

export async function loadActivityForRoute(rawId: string): Promise<RouteResult<CampaignActivity>> {
  return forRoute(rawId, readActivity);
}

export async function loadExportForRoute(rawId: string): Promise<RouteResult<CampaignExport>> {
  return forRoute(rawId, getCampaignExport);
}

export async function loadCampaignSettings(rawId: string) {
  const { member, campaign, canManage } = await loadCampaign(rawId);
  const owners = canManage ? await listOwnerChoices(member.school.id) : [];
  return { campaign, canManage, owners };
}

export async function loadCampaignSheet(rawId: string) {
  const member = await memberOrRedirect();
  const campaignId = parseCampaignId(rawId);
  return orNotFound(() => getCampaignSheet(member.school.id, campaignId));
}
