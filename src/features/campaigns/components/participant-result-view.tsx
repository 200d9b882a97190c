import Link from "next/link";
import type { ReactNode } from "react";

import { campaignsMessages } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { toPercent } from "../domain/results";
import type { ParticipantResultDetail } from "../types";

const t = campaignsMessages.participant;
const answerClass = { OK: "text-success", KO: "text-danger", SKIPPED: "text-muted" } as const;
const answerMark = { OK: "✓", KO: "✗", SKIPPED: "–" } as const;

/** One student's result in a campaign: progress until shared, then per competence and per question. */
export function ParticipantResultView({
  result,
  actions,
}: {
  result: ParticipantResultDetail;
  /** Participation management (delete, retry), when the member may. */
  actions?: ReactNode;
}) {
  const name = `${result.learner.lastName} ${result.learner.firstName}`;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p className="flex flex-wrap gap-x-6 gap-y-1">
          <Link
            href={`/orga/campagnes/${result.campaign.id}/resultats`}
            className="font-semibold text-primary underline"
          >
            ← {t.back}
          </Link>
          <Link href={`/orga/eleves/${result.learner.id}`} className="font-semibold text-primary underline">
            {t.learnerPage}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">{name}</h1>
        <p className="text-lg text-muted">{t.campaign(result.campaign.name)}</p>
        <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt className="font-semibold">{t.division}</dt>
          <dd>{result.learner.division}</dd>
          <dt className="font-semibold">{t.status}</dt>
          <dd data-testid="participant-status">{campaignsMessages.activity.statuses[result.status]}</dd>
          <dt className="font-semibold">{t.startedAt}</dt>
          <dd>{formatDate(result.startedAt)}</dd>
          {result.completedAt && (
            <>
              <dt className="font-semibold">{t.completedAt}</dt>
              <dd>{formatDate(result.completedAt)}</dd>
            </>
          )}
          {result.sharedAt && (
            <>
              <dt className="font-semibold">{t.sharedAt}</dt>
              <dd>{formatDate(result.sharedAt)}</dd>
            </>
          )}
          <dt className="font-semibold">{t.progress}</dt>
          <dd>{campaignsMessages.activity.progress(result.progress)}</dd>
        </dl>
        {result.isEarlierAttempt && <p className="font-semibold">{t.earlierAttempt}</p>}
      </header>

      {result.shared === null ? (
        <p className="max-w-3xl rounded-lg border border-slate-300 bg-white p-4" data-testid="not-shared">
          {t.notShared}
        </p>
      ) : (
        <>
          <section aria-labelledby="overall-title" className="rounded-xl border border-slate-200 bg-white p-6">
            <h2 id="overall-title" className="text-lg font-semibold text-muted">
              {t.overall}
            </h2>
            <p className="text-5xl font-extrabold text-primary" data-testid="overall-mastery">
              {campaignsMessages.results.percent(toPercent(result.shared.masteryRate) ?? 0)}
            </p>
            <p className="mt-2 max-w-3xl">
              {t.masteryExplained(
                toPercent(result.shared.masteryRate) ?? 0,
                result.shared.correctCount,
                result.shared.answeredCount,
              )}
            </p>
          </section>

          <section aria-labelledby="competences-title" className="space-y-4">
            <h2 id="competences-title" className="text-2xl font-bold">
              {t.competencesTitle}
            </h2>
            {result.shared.competences.map((competence) => {
              const value = toPercent(competence.masteryRate) ?? 0;
              const headingId = `competence-${competence.competenceId.replace(/\W/g, "-")}`;
              return (
                <section
                  key={competence.competenceId}
                  aria-labelledby={headingId}
                  className="rounded-xl border border-slate-200 bg-white p-4"
                >
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 id={headingId} className="text-lg font-semibold">
                      <span className="text-muted">{competence.competenceId}</span> {competence.name}
                    </h3>
                    <p>
                      {t.level(competence.levelReached, competence.maxLevel)} · <strong>{t.mastery(value)}</strong>
                    </p>
                  </div>
                  {competence.questions.length === 0 ? (
                    <p className="mt-2 text-muted">{t.noQuestion}</p>
                  ) : (
                    <table className="mt-3 w-full border-collapse text-left">
                      <caption className="sr-only">{t.questionsCaption(competence.name)}</caption>
                      <thead>
                        <tr className="border-b border-slate-300">
                          <th scope="col" className="py-2 pr-3 font-semibold">
                            {t.question}
                          </th>
                          <th scope="col" className="py-2 font-semibold">
                            {t.answer}
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {competence.questions.map((question) => (
                          <tr key={question.challengeId} className="border-b border-slate-200 align-top">
                            <td className="py-2 pr-3 whitespace-pre-line">
                              {question.statement}
                              {question.fields && (
                                <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 whitespace-normal text-base">
                                  {question.fields.map((field) => (
                                    <div key={field.label} className="contents">
                                      <dt className="font-semibold">{field.label}</dt>
                                      <dd className={field.isRight ? "text-success" : "text-danger"}>
                                        {t.fieldAnswer(field.given, field.isRight, field.expected)}
                                      </dd>
                                    </div>
                                  ))}
                                </dl>
                              )}
                            </td>
                            <td className={`py-2 font-semibold whitespace-nowrap ${answerClass[question.result]}`}>
                              <span aria-hidden="true">{answerMark[question.result]} </span>
                              {t.answers[question.result]}
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </section>
              );
            })}
          </section>
        </>
      )}
      {actions}
    </div>
  );
}
