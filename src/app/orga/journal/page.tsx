import type { Metadata } from "next";

import { JournalView } from "@/features/privacy/journal/components/journal-view";
import { loadJournalPage } from "@/features/privacy/journal/loaders";
import { journalMessages } from "@/messages/fr/journal";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: journalMessages.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JournalPage({ searchParams }: Props) {
  return <JournalView {...await loadJournalPage(await searchParams)} />;
}
