import "server-only";

import { can } from "@/lib/abilities";
import { memberOrRedirect } from "@/lib/session";

import { listClasses } from "./data";

export async function loadClassesPage() {
  const member = await memberOrRedirect();
  return { classes: await listClasses(member.school.id), canImport: can(member, "siecle:import") };
}
