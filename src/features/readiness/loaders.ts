import "server-only";

import { areSubscriptionsManaged } from "@/features/gar-subscriptions/subscription-client";
import { schoolYearOf } from "@/features/gar-subscriptions/domain/school-year";
import { can } from "@/lib/abilities";
import { displayNow } from "@/lib/clock";
import { getMemberContext, memberOrRedirect } from "@/lib/session";

import { getImportDates, getReadinessFacts } from "./data";
import { buildChecklist, groupPendingLearners, shouldShowRentreeBanner } from "./domain/checklist";

/** The Orga home: the readiness checklist, in full for ADMINs, compact for MEMBERs. */
export async function loadOrgaHome() {
  const member = await memberOrRedirect();
  const now = await displayNow();
  const facts = await getReadinessFacts(member.school.id, { subscriptionsManaged: areSubscriptionsManaged() });
  const isAdmin = can(member, "readiness:view-details");
  return {
    isAdmin,
    canManageSubscription: can(member, "gar-subscription:manage"),
    lines: buildChecklist(facts, now),
    groups: isAdmin ? groupPendingLearners(facts.pendingLearners) : [],
  };
}

/** The printable list for the school's *responsable d'affectation*: ADMINs (it names pupils). */
export async function loadAssignmentPrintPage() {
  const member = await memberOrRedirect({ ability: "readiness:view-details" });
  const now = await displayNow();
  const facts = await getReadinessFacts(member.school.id, { subscriptionsManaged: areSubscriptionsManaged() });
  return { schoolName: member.school.name, date: now, groups: groupPendingLearners(facts.pendingLearners) };
}

/** The rentrée banner of every Orga page, or null. */
export async function loadRentreeBanner(): Promise<{ schoolYear: number; canImport: boolean } | null> {
  const member = await getMemberContext();
  if (!member || !member.hasAcceptedCgu) return null;
  const now = await displayNow();
  const { last } = await getImportDates(member.school.id);
  if (!shouldShowRentreeBanner(last?.at ?? null, now)) return null;
  return { schoolYear: schoolYearOf(now), canImport: can(member, "siecle:import") };
}
