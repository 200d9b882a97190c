import "server-only";

import { memberOrRedirect } from "@/lib/session";

import { listClasses } from "./data";

export async function loadClassesPage() {
  const member = await memberOrRedirect();
  return { classes: await listClasses(member.school.id), canImport: member.role === "ADMIN" };
}
