import type { Metadata } from "next";

import { LearnersView } from "@/features/learners/components/learners-view";
import { loadLearnersPage } from "@/features/learners/loaders";
import { learnersMessages } from "@/messages/fr/learners";

export const metadata: Metadata = { title: learnersMessages.title };

export default async function LearnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const data = await loadLearnersPage(await searchParams);
  return <LearnersView {...data} />;
}
