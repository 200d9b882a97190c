import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ResultsView } from "@/features/runner/components/results-view";
import { RunnerShell } from "@/features/runner/components/runner-shell";
import { loadResultsPage } from "@/features/runner/loaders";
import { runnerText } from "@/messages/fr/runner";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: runnerText.pageTitles.results };

export default async function CampaignResultsPage({ params }: { params: Promise<{ code: string }> }) {
  const page = await loadResultsPage((await params).code);
  if (page.kind === "not-found") notFound();
  if (page.kind === "redirect") redirect(page.to);
  return (
    <RunnerShell title={page.title} schoolName={page.schoolName}>
      <ResultsView page={page} />
    </RunnerShell>
  );
}
