import "server-only";

import { cache } from "react";
import { notFound } from "next/navigation";
import { connection } from "next/server";

import { can } from "@/lib/abilities";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { getMemberContext, memberOrRedirect } from "@/lib/session";

import { getErasureCandidate } from "./data";
import { exportLearnerData } from "./mutations";
import { learnerIdSchema } from "./schema";
import type { LearnerExport, LegalDetails } from "./types";

/**
 * The legal pages' details, read from the environment at request time (not baked in at build):
 * each deployment declares its own publisher, host and contacts.
 */
export async function loadLegalDetails(): Promise<LegalDetails> {
  await connection();
  const settings = env();
  return {
    publisher: settings.LEGAL_PUBLISHER ?? null,
    publicationDirector: settings.LEGAL_PUBLICATION_DIRECTOR ?? null,
    host: settings.LEGAL_HOST ?? null,
    privacyContact: settings.PRIVACY_CONTACT ?? null,
    supportContact: settings.SUPPORT_CONTACT ?? null,
  };
}

/** /orga/eleves/[id]/effacement: ADMINs only, the school's learner not yet erased; else a 404. */
export const loadErasurePage = cache(async (rawId: string) => {
  const member = await memberOrRedirect({ ability: "learners:erase" });
  const parsed = learnerIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const learner = await getErasureCandidate(member.school.id, parsed.data);
  if (!learner) notFound();
  return { learner, canExport: can(member, "learners:export") };
});

export type ExportRouteResult = { ok: true; data: LearnerExport } | { ok: false; status: 401 | 404 };

/**
 * The export route: a staff session with the terms accepted, the `learners:export` ability (a 404
 * without it, like the pages), a learner of the member's school. Reading is audit-logged by
 * `exportLearnerData` itself, in the transaction that reads.
 */
export async function loadLearnerExportForRoute(rawId: string): Promise<ExportRouteResult> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return { ok: false, status: 401 };
  const parsed = learnerIdSchema.safeParse(rawId);
  if (!parsed.success || !can(member, "learners:export")) return { ok: false, status: 404 };
  try {
    const data = await exportLearnerData({
      schoolId: member.school.id,
      learnerId: parsed.data,
      actor: { userId: member.userId, role: member.role },
    });
    return { ok: true, data };
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") return { ok: false, status: 404 };
    throw error;
  }
}
