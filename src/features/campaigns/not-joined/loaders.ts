import "server-only";

import { notFound } from "next/navigation";

import { displayNow } from "@/lib/clock";
import { recordStaffRead, STAFF_READ_ACTIONS } from "@/lib/audit";
import { isDomainError } from "@/lib/errors";
import { getMemberContext, memberOrRedirect, type MemberContext } from "@/lib/session";

import type { RouteResult } from "../loaders";
import { campaignIdSchema } from "../schema";
import { getNotJoinedList } from "./data";
import type { NotJoinedList } from "./types";

/** It names pupils with their birth dates: every read is in the Journal, like the campaign export. */
async function readAudited(member: MemberContext, campaignId: number): Promise<NotJoinedList> {
  const list = await getNotJoinedList(member.school.id, campaignId);
  await recordStaffRead(
    { userId: member.userId, role: member.role, schoolId: member.school.id },
    {
      action: STAFF_READ_ACTIONS.notJoinedList,
      targetType: "campaign",
      targetId: campaignId,
      ids: { kind: "learnerIds", values: (list.learners ?? []).map((learner) => learner.id) },
    },
  );
  return list;
}

/** The printable page: any member of the school, as the campaign's export (the list has no INE). */
export async function loadNotJoinedPage(rawId: string): Promise<{ list: NotJoinedList; date: Date }> {
  const member = await memberOrRedirect();
  const parsed = campaignIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  try {
    return { list: await readAudited(member, parsed.data), date: await displayNow() };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/** The CSV: 401 without a member session, 404 for a campaign absent or of another school (the same answer). */
export async function loadNotJoinedForRoute(rawId: string): Promise<RouteResult<NotJoinedList>> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return { ok: false, status: 401 };
  const parsed = campaignIdSchema.safeParse(rawId);
  if (!parsed.success) return { ok: false, status: 404 };
  try {
    return { ok: true, data: await readAudited(member, parsed.data) };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return { ok: false, status: 404 };
    throw error;
  }
}
