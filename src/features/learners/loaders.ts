import "server-only";

import { requireOrgaMember } from "@/features/campaigns/loaders";
import { listDivisions } from "@/features/classes/data";

import { hasEnabledLearners, listLearners } from "./data";
import { learnerListQuerySchema } from "./schema";

export async function loadLearnersPage(searchParams: Record<string, string | string[] | undefined>) {
  const member = await requireOrgaMember();
  const query = learnerListQuerySchema.parse(searchParams);
  const [page, divisions, hasLearners] = await Promise.all([
    listLearners(member.school.id, query),
    listDivisions(member.school.id),
    hasEnabledLearners(member.school.id),
  ]);
  return { query, page, divisions, hasLearners, canImport: member.role === "ADMIN" };
}
