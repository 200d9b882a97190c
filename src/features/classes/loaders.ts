import "server-only";

import { requireOrgaMember } from "@/features/campaigns/loaders";

import { listClasses } from "./data";

export async function loadClassesPage() {
  const member = await requireOrgaMember();
  return { classes: await listClasses(member.school.id), canImport: member.role === "ADMIN" };
}
