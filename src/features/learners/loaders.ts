import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { listDivisions } from "@/features/classes/data";
import { can } from "@/lib/abilities";
import { recordStaffRead, STAFF_READ_ACTIONS } from "@/lib/audit";
import { memberOrRedirect } from "@/lib/session";

import { getLearnerDetail, hasEnabledLearners, listIdoReplacements, listLearners, schoolManagesStudents } from "./data";
import { learnerIdSchema, learnerListQuerySchema } from "./schema";

export async function loadLearnersPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await memberOrRedirect();
  const query = learnerListQuerySchema.parse(searchParams);
  const [page, divisions, hasLearners, managesStudents] = await Promise.all([
    listLearners(member.school.id, query, { canSearchIne: can(member, "learners:reveal-ine") }),
    listDivisions(member.school.id),
    hasEnabledLearners(member.school.id),
    schoolManagesStudents(member.school.id),
  ]);
  await recordStaffRead(
    { userId: member.userId, role: member.role, schoolId: member.school.id },
    {
      action: STAFF_READ_ACTIONS.learners,
      targetType: "school",
      targetId: member.school.id,
      ids: { kind: "learnerIds", values: page.rows.map((row) => row.id) },
    },
  );
  return {
    query,
    page,
    divisions,
    hasLearners,
    canImport: can(member, "siecle:import"),
    canDissociate: can(member, "learners:dissociate", { managesStudents }),
    canSeeIdoReplacements: can(member, "learners:see-ido-replacements"),
    canExport: can(member, "learners:export"),
    canErase: can(member, "learners:erase"),
    canSearchIne: can(member, "learners:reveal-ine"),
    /** Set by the erasure action's redirect (privacy feature). */
    justErased: searchParams.effacement === "fait",
  };
}

/** /orga/eleves/remplacements-ido: ADMINs only (a 404 for MEMBERs). */
export async function loadIdoReplacementsPage() {
  const member = await memberOrRedirect({ ability: "learners:see-ido-replacements" });
  return { rows: await listIdoReplacements(member.school.id) };
}

/** /orga/eleves/[id]: any member; a learner of another school (or erased, or absent) is a 404. */
export const loadLearnerPage = cache(async (rawId: string) => {
  const member = await memberOrRedirect();
  const parsed = learnerIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const [learner, managesStudents] = await Promise.all([
    getLearnerDetail(member.school.id, parsed.data),
    schoolManagesStudents(member.school.id),
  ]);
  if (!learner) notFound();
  return {
    learner,
    canRevealIne: can(member, "learners:reveal-ine"),
    canDissociate: can(member, "learners:dissociate", { managesStudents }),
    canExport: can(member, "learners:export"),
    canErase: can(member, "learners:erase"),
  };
});
