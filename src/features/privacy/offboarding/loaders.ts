import "server-only";

import { cache } from "react";
import { notFound } from "next/navigation";

import { can } from "@/lib/abilities";
import { getMemberContext, memberOrRedirect } from "@/lib/session";

import { retentionEnd } from "../domain/retention";
import { RETENTION_RULES } from "../inventory";
import { getOffboardingRequestedAt, getOffboardingStatus } from "./data";
import { exportSchoolLearners, type SchoolExport } from "./mutations";

/** /orga/etablissement/depart: ADMINs only (a 404 otherwise). */
export const loadOffboardingPage = cache(async (justCancelled = false) => {
  const member = await memberOrRedirect({ ability: "school:offboard" });
  const status = await getOffboardingStatus(member.school.id);
  if (!status) notFound();
  return { status, canExport: can(member, "learners:export"), now: new Date(), justCancelled };
});

/**
 * The banner of a pending offboarding, on every Orga page: everyone of the school must learn that
 * its data will be erased, not only the ADMIN who asked on the offboarding page.
 */
export async function loadOffboardingBanner(): Promise<{ eraseOn: Date; canCancel: boolean } | null> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return null;
  const requestedAt = await getOffboardingRequestedAt(member.school.id);
  if (!requestedAt) return null;
  return {
    eraseOn: retentionEnd(requestedAt, RETENTION_RULES.offboardedSchools.period),
    canCancel: can(member, "school:offboard"),
  };
}

export type SchoolExportRouteResult = { ok: true; data: SchoolExport; uai: string } | { ok: false; status: 401 | 404 };

/** The school-wide export route: an ADMIN with the terms accepted; each learner's read audit-logged. */
export async function loadSchoolExportForRoute(): Promise<SchoolExportRouteResult> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return { ok: false, status: 401 };
  if (!can(member, "learners:export")) return { ok: false, status: 404 };
  const data = await exportSchoolLearners({
    schoolId: member.school.id,
    actor: { userId: member.userId, role: member.role },
  });
  return { ok: true, data, uai: member.school.uai };
}
