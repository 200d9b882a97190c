import "server-only";

import { cookies } from "next/headers";
import { cache } from "react";

import { sessionSecret } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { getStudentContext, memberOrRedirect, type StudentContext } from "@/lib/session";
import {
  getStudentHome,
  isPendingIdentityUsable,
  listBlockedStudents,
  resolveCampaignForIdentity,
  resolveCampaignForPendingIdentity,
  resolveJoinableCampaignForStudent,
} from "./data";
import {
  derivePendingIdentityKey,
  openPendingIdentity,
  type OpenPendingIdentityResult,
  type PendingIdentity,
  PENDING_IDENTITY_COOKIE,
} from "./domain/pending-identity";
import type { BlockedStudent, StudentHome } from "./types";

export function pendingIdentityKey(): Buffer {
  return derivePendingIdentityKey(sessionSecret());
}

/**
 * The sealed pending-identity cookie of this browser, opened (signature, expiry), WITHOUT its
 * server-side row: for callers whose next statement checks that row anyway
 * (`resolveCampaignForPendingIdentity`, `reconcileGarStudent`), which saves one statement.
 */
export const openPendingIdentityCookie = cache(async (): Promise<OpenPendingIdentityResult> => {
  const token = (await cookies()).get(PENDING_IDENTITY_COOKIE)?.value;
  return openPendingIdentity(token, pendingIdentityKey(), new Date());
});

/**
 * The pending GAR identity of this browser (unknown student between the GAR and the birth date).
 * A cookie whose server-side row was consumed (a replayed copy) or pruned counts as expired.
 */
export const loadPendingIdentity = cache(async (): Promise<OpenPendingIdentityResult> => {
  const opened = await openPendingIdentityCookie();
  if (opened.ok && !(await isPendingIdentityUsable(opened.identity.id, new Date())))
    return { ok: false, reason: "EXPIRED" };
  return opened;
});

export type StudentVisitor =
  | { kind: "STUDENT"; student: StudentContext; hasAcceptedCgu: boolean }
  | { kind: "PENDING"; firstName: string; lastName: string; uais: string[] }
  /** A pending identity cookie exists but is expired, forged or tampered with. */
  | { kind: "PENDING_EXPIRED" }
  | { kind: "ANONYMOUS" };

/** Who is looking at a student page: a signed-in student, an unknown student from the GAR, or nobody. */
export const loadStudentVisitor = cache(async (): Promise<StudentVisitor> => {
  const student = await getStudentContext();
  if (student) return { kind: "STUDENT", student, hasAcceptedCgu: student.hasAcceptedCgu };
  const pending = await loadPendingIdentity();
  if (pending.ok) {
    const { firstName, lastName, uais } = pending.identity;
    return { kind: "PENDING", firstName, lastName, uais };
  }
  if (pending.reason === "MISSING") return { kind: "ANONYMOUS" };
  return { kind: "PENDING_EXPIRED" };
});

export type EntryVisitor =
  | { kind: "STUDENT"; student: StudentContext; hasAcceptedCgu: boolean }
  /** The sealed cookie opened; its server-side row is checked by the next read (`loadCampaignForPendingIdentity`). */
  | { kind: "PENDING"; identity: PendingIdentity }
  | { kind: "PENDING_EXPIRED" }
  | { kind: "ANONYMOUS" };

/**
 * `loadStudentVisitor` without the pending identity's row: for the student layout's header and
 * for pages that read the campaign next, which check that row in the campaign's statement.
 */
export const loadEntryVisitor = cache(async (): Promise<EntryVisitor> => {
  const student = await getStudentContext();
  if (student) return { kind: "STUDENT", student, hasAcceptedCgu: student.hasAcceptedCgu };
  const pending = await openPendingIdentityCookie();
  if (pending.ok) return { kind: "PENDING", identity: pending.identity };
  if (pending.reason === "MISSING") return { kind: "ANONYMOUS" };
  return { kind: "PENDING_EXPIRED" };
});

/**
 * The campaign a code points at for a pending identity (as `loadCampaignForIdentity`), its row
 * checked in the same statement: null when that row is consumed or expired.
 */
export async function loadCampaignForPendingIdentity(code: string, identity: PendingIdentity) {
  try {
    return await resolveCampaignForPendingIdentity(code, identity, new Date());
  } catch (error) {
    if (isDomainError(error) && error.code === "GAR_PENDING_IDENTITY_EXPIRED") return null;
    throw error;
  }
}

/**
 * The campaign a code points at, for a GAR visitor attached to `uais` (the schools of the signed-in
 * student or of the pending identity): DomainError CAMPAIGN_CODE_UNKNOWN, CAMPAIGN_OTHER_SCHOOL…
 */
/**
 * A signed-in student's direct link to a campaign: joinable, and of a school where they are a
 * learner (DomainError otherwise). Reads only: the participation starts with *Commencer*.
 */
export async function loadCampaignForStudent(userId: number, code: string): Promise<{ campaignCode: string }> {
  const { campaign } = await resolveJoinableCampaignForStudent(code, userId);
  return { campaignCode: campaign.code };
}

export const loadStudentHome = cache(async (): Promise<StudentHome | null> => {
  const student = await getStudentContext();
  if (!student) return null;
  return getStudentHome(student.userId);
});

/** Orga: the school's pupils blocked by wrong birth dates (all, or one campaign's). */
export async function loadBlockedStudents(options: { campaignId?: number } = {}): Promise<BlockedStudent[]> {
  const member = await memberOrRedirect();
  return listBlockedStudents(member.school.id, options);
}
