import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";
import { runnerText } from "@/messages/fr/runner";

import type { StartPage } from "../loaders";

const t = runnerText.start;

/** `startForm`: the *Commencer* form (a server action of the sign-in side) when nothing is started yet. */
export function StartView({ page, startForm }: { page: StartPage; startForm: ReactNode }) {
  const hasStarted = page.answeredCount > 0;
  if (page.classMismatch) {
    const { campaignDivision, learnerDivision } = page.classMismatch;
    return (
      <div className="space-y-8">
        <h1 className="text-3xl font-bold">{page.title}</h1>
        <section
          aria-labelledby="autre-classe"
          className="space-y-4 rounded-2xl border-2 border-primary bg-primary-light p-5"
          data-testid="other-class-warning"
        >
          <h2 id="autre-classe" className="text-2xl font-bold">
            {t.otherClass.title}
          </h2>
          <p className="text-lg">{t.otherClass.message(campaignDivision, learnerDivision)}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            {/* Links, not forms: going on or back writes nothing; *Commencer* then starts the participation. */}
            <Link
              href={`/campagnes/${page.code}/demarrer?autre-classe=oui`}
              prefetch={false}
              className={buttonClass("primary", "large")}
            >
              {t.otherClass.proceed}
            </Link>
            <Link href="/rejoindre" prefetch={false} className={buttonClass("secondary", "large")}>
              {t.otherClass.changeCode}
            </Link>
          </div>
        </section>
      </div>
    );
  }
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
