import "server-only";

import { listDivisions } from "@/features/classes/data";
import { memberOrRedirect } from "@/lib/session";

import { hasEnabledLearners, listIdoReplacements, listLearners, schoolManagesStudents } from "./data";
import { canDissociateLearner, canSeeIdoReplacements } from "./permissions";
import { learnerListQuerySchema } from "./schema";

export async function loadLearnersPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await memberOrRedirect();
  const query = learnerListQuerySchema.parse(searchParams);
  const [page, divisions, hasLearners, managesStudents] = await Promise.all([
    listLearners(member.school.id, query),
    listDivisions(member.school.id),
    hasEnabledLearners(member.school.id),
    schoolManagesStudents(member.school.id),
  ]);
  return {
    query,
    page,
    divisions,
    hasLearners,
    canImport: member.role === "ADMIN",
    canDissociate: canDissociateLearner(member, { managesStudents }),
    canSeeIdoReplacements: canSeeIdoReplacements(member),
  };
}

/** /orga/eleves/remplacements-ido: ADMINs only (a 404 for MEMBERs). */
export async function loadIdoReplacementsPage() {
  const member = await memberOrRedirect({ role: "ADMIN" });
  return { rows: await listIdoReplacements(member.school.id) };
}
