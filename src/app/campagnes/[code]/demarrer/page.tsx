import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { RunnerShell } from "@/features/runner/components/runner-shell";
import { StartView } from "@/features/runner/components/start-view";
import { loadStartPage } from "@/features/runner/loaders";
import { StartParticipationForm } from "@/features/student-accounts/components/start-participation-form";
import { runnerText } from "@/messages/fr/runner";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: runnerText.pageTitles.start };

export default async function CampaignStartPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await loadStartPage((await params).code, {
    hasConfirmedOtherClass: (await searchParams)["autre-classe"] === "oui",
  });
  if (page.kind === "not-found") notFound();
  if (page.kind === "redirect") redirect(page.to);
  return (
    <RunnerShell title={page.title} schoolName={page.schoolName}>
      <StartView page={page} startForm={<StartParticipationForm code={page.code} label={runnerText.start.begin} />} />
    </RunnerShell>
  );
}
