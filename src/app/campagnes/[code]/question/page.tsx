import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ProgressBar } from "@/features/runner/components/progress-bar";
import { QuestionForm } from "@/features/runner/components/question-form";
import { RunnerShell } from "@/features/runner/components/runner-shell";
import { loadQuestionPage } from "@/features/runner/loaders";
import { runnerText } from "@/messages/fr/runner";

export const dynamic = "force-dynamic";

/** The title changes with each question: screen readers announce it when the page moves on. */
export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const page = await loadQuestionPage((await params).code);
  if (page.kind !== "page") return { title: runnerText.pageTitles.question };
  const current = page.progress.answeredCount + 1;
  return { title: runnerText.question.progress(current, Math.max(current, page.progress.estimatedTotal)) };
}

export default async function CampaignQuestionPage({ params }: { params: Promise<{ code: string }> }) {
  const page = await loadQuestionPage((await params).code);
  if (page.kind === "not-found") notFound();
  if (page.kind === "redirect") redirect(page.to);
  return (
    <RunnerShell title={page.title}>
      <div className="space-y-8">
        <ProgressBar progress={page.progress} />
        {page.isArchived ? (
          <p
            role="alert"
            className="rounded-lg border border-danger bg-danger-light px-4 py-3 font-semibold text-danger"
          >
            {runnerText.errors.archived}
          </p>
        ) : (
          <QuestionForm key={page.question.id} code={page.code} question={page.question} />
        )}
      </div>
    </RunnerShell>
  );
}
