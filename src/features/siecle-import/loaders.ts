import "server-only";

import { can } from "@/lib/abilities";
import { memberOrRedirect } from "@/lib/session";

import { getLastSuccessfulImport, listImports } from "./data";

/** `/orga/eleves/import`: every member sees the last import and the history; ADMINs import. */
export async function loadImportPage() {
  const member = await memberOrRedirect();
  const [lastImport, history] = await Promise.all([
    getLastSuccessfulImport(member.school.id),
    listImports(member.school.id),
  ]);
  return { canImport: can(member, "siecle:import"), lastImport, history };
}
