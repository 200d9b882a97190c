import type { Metadata } from "next";

import { ReadinessChecklist } from "@/features/readiness/components/readiness-checklist";
import { loadOrgaHome } from "@/features/readiness/loaders";
import { readinessText } from "@/messages/fr/readiness";

export const metadata: Metadata = { title: readinessText.pageTitle };
export const dynamic = "force-dynamic";

/** The Orga home: where the school stands before its first campaign (docs/decisions/020). */
export default async function OrgaHomePage() {
  const { lines, groups, isAdmin } = await loadOrgaHome();
  return <ReadinessChecklist lines={lines} groups={groups} isAdmin={isAdmin} />;
}
