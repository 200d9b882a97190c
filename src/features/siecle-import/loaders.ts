import "server-only";

import { memberOrRedirect } from "@/lib/session";

import { getLastSuccessfulImport, listImports } from "./data";
import { canImportSiecle } from "./permissions";

/** `/orga/eleves/import`: every member sees the last import and the history; ADMINs import. */
export async function loadImportPage() {
  const member = await memberOrRedirect();
  const [lastImport, history] = await Promise.all([
    getLastSuccessfulImport(member.school.id),
    listImports(member.school.id),
  ]);
  return { canImport: canImportSiecle(member.role), lastImport, history };
}
