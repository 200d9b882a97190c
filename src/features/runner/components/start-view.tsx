import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";
import { runnerText } from "@/messages/fr/runner";

import type { StartPage } from "../loaders";

const t = runnerText.start;

/** `startForm`: the *Commencer* form (a server action of the sign-in side) when nothing is started yet. */
export function StartView({ page, startForm }: { page: StartPage; startForm: ReactNode }) {
  const hasStarted = page.answeredCount > 0;
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{page.title}</h1>

      {page.customLandingText && (
        <section aria-labelledby="message-etablissement" className="rounded-2xl border border-slate-200 bg-white p-5">
          <h2 id="message-etablissement" className="mb-2 text-base font-semibold text-muted">
            {t.schoolMessageLabel}
          </h2>
          <p className="whitespace-pre-line text-lg">{page.customLandingText}</p>
        </section>
      )}

      <section aria-labelledby="deroulement" className="space-y-3">
        <h2 id="deroulement" className="text-2xl font-bold">
          {t.whatToExpectTitle}
        </h2>
        <ul className="list-disc space-y-2 pl-6 text-lg">
          <li>{t.expectQuestions(page.estimatedTotal)}</li>
          <li>{t.expectAdaptive}</li>
          <li>{t.expectSkip}</li>
        </ul>
        <p className="rounded-lg bg-primary-light px-4 py-3 text-lg font-semibold">{t.canStop}</p>
      </section>

      {hasStarted && <p className="text-lg">{t.resumeNote(page.answeredCount)}</p>}

      {page.hasParticipation ? (
        <Link href={`/campagnes/${page.code}/question`} className={buttonClass("primary", "large")}>
          {hasStarted ? t.resume : t.begin}
        </Link>
      ) : (
        startForm
      )}
    </div>
  );
}
