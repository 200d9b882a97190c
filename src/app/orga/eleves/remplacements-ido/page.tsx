import type { Metadata } from "next";

import { IdoReplacementsView } from "@/features/learners/components/ido-replacements";
import { loadIdoReplacementsPage } from "@/features/learners/loaders";
import { learnersMessages } from "@/messages/fr/learners";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: learnersMessages.idoReplacements.title };

export default async function IdoReplacementsPage() {
  const { rows } = await loadIdoReplacementsPage();
  return <IdoReplacementsView rows={rows} />;
}
