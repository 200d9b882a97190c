import Link from "next/link";

import { applyFrenchSpacing } from "@/features/parcours/domain/typography";
import { runnerText } from "@/messages/fr/runner";
import { formatDate } from "@/messages/fr/format";

import type { ResultsPage } from "../loaders";
import { ShareForm } from "./share-form";

const t = runnerText.results;
const percent = (rate: number) => Math.round(Math.min(1, Math.max(0, rate)) * 100);

export function ResultsView({ page }: { page: Omit<ResultsPage, "kind"> }) {
  const overall = percent(page.masteryRate);
  return (
    <div className="space-y-10">
      <section aria-labelledby="titre-resultats" className="space-y-4">
        <h1 id="titre-resultats" className="text-3xl font-bold">
          {t.title}
        </h1>
        <div className="rounded-2xl border border-slate-200 bg-white p-6 text-center">
          <p className="text-lg font-semibold text-muted">{t.overall}</p>
          <p className="text-6xl font-extrabold text-primary">{overall}&nbsp;%</p>
          <p className="mt-2 text-base">{t.answered(page.correctCount, page.answeredCount)}</p>
          <p className="mx-auto mt-3 max-w-prose text-base text-muted" data-testid="mastery-explained">
            {t.masteryExplained(overall)}
          </p>
        </div>
      </section>

      <section aria-labelledby="titre-competences" className="space-y-4">
        <h2 id="titre-competences" className="text-2xl font-bold">
          {t.competencesTitle}
        </h2>
        <ul className="space-y-4">
          {page.competences.map((competence) => {
            const value = percent(competence.masteryRate);
            return (
              <li key={competence.competenceId} className="rounded-xl border border-slate-200 bg-white p-4">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="text-lg font-semibold">
                    <span className="text-muted">{competence.competenceId}</span> {competence.name}
                  </p>
                  <p className="text-base">
                    {t.level(competence.levelReached, competence.maxLevel)} · <strong>{t.mastery(value)}</strong>
                  </p>
                </div>
                <div aria-hidden="true" className="mt-3 h-3 w-full overflow-hidden rounded-full bg-primary-light">
                  <div className="h-full rounded-full bg-primary" style={{ width: `${value}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="titre-envoi" className="space-y-3 rounded-2xl border-2 border-primary bg-white p-6">
        <h2 id="titre-envoi" className="text-2xl font-bold">
          {t.shareTitle}
        </h2>
        {page.sharedAt ? (
          <p role="status" className="rounded-lg bg-success-light px-4 py-3 text-lg font-semibold text-success">
            {t.sharedOn(formatDate(page.sharedAt))}
          </p>
        ) : (
          <>
            <p>{t.shareIntro}</p>
            <ShareForm code={page.code} />
          </>
        )}
      </section>

      <section aria-labelledby="titre-revoir" className="space-y-4">
        <h2 id="titre-revoir" className="text-2xl font-bold">
          {t.missedTitle}
        </h2>
        {page.missed.length === 0 ? (
          <p className="text-lg">{t.noMissed}</p>
        ) : (
          <>
            <p>{t.missedIntro}</p>
            <ol className="space-y-4">
              {page.missed.map((question) => (
                <li key={question.challengeId} className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
                  <p className="text-sm font-semibold uppercase tracking-wide text-muted">{question.competenceName}</p>
                  <p className="text-lg font-semibold">{applyFrenchSpacing(question.statement)}</p>
                  {question.fields && !question.wasSkipped ? (
                    <table className="w-full border-collapse text-left">
                      <caption className="sr-only">{t.fieldsCaption}</caption>
                      <thead>
                        <tr className="border-b border-slate-300">
                          <th scope="col" className="py-1 pr-3 font-semibold">
                            {t.field}
                          </th>
                          <th scope="col" className="py-1 pr-3 font-semibold">
                            {t.yourAnswer}
                          </th>
                          <th scope="col" className="py-1 font-semibold">
                            {t.acceptedAnswer}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {question.fields.map((field) => (
                          <tr key={field.label} className="border-b border-slate-200 align-top">
                            <th scope="row" className="py-1 pr-3 font-normal">
                              {applyFrenchSpacing(field.label)}
                            </th>
                            <td className={`py-1 pr-3 ${field.isRight ? "text-success" : "text-danger"}`}>
                              <span aria-hidden="true">{field.isRight ? "✓ " : "✗ "}</span>
                              {field.given}
                              <span className="sr-only"> ({field.isRight ? t.fieldRight : t.fieldWrong})</span>
                            </td>
                            <td className="py-1">{field.expected}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : question.wasSkipped ? (
                    <p className="text-muted">{t.yourAnswerSkipped}</p>
                  ) : (
                    <p>
                      <span className="font-semibold">{t.yourAnswer}</span> {question.givenAnswer.join(" ; ")}
                    </p>
                  )}
                  {/* An answered QROCM's table already gives the expected answer of each field. */}
                  {question.fields && !question.wasSkipped ? null : (
                    <p>
                      <span className="font-semibold text-success">
                        {question.isTyped ? t.acceptedAnswer : t.rightAnswer(question.rightAnswer.length)}
                      </span>{" "}
                      {question.rightAnswer.map(applyFrenchSpacing).join(" ; ")}
                    </p>
                  )}
                  <p>
                    <span className="font-semibold">{t.explanation}</span> {applyFrenchSpacing(question.explanation)}
                  </p>
                  {question.furtherReading ? (
                    <p>
                      <span className="font-semibold">{t.furtherReading}</span>{" "}
                      {applyFrenchSpacing(question.furtherReading)}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
          {t.backHome}
        </Link>
      </p>
    </div>
  );
}
