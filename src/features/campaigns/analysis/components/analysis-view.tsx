import { applyFrenchSpacing } from "@/features/parcours/domain/typography";
import { SelectField } from "@/components/form/field";
import { FilterForm } from "@/components/form/filter-form";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { toPercent } from "../../domain/results";
import type { ClassAnalysis, CompetenceAnalysis, Recommendation } from "../domain/class-analysis";

const t = campaignsMessages.analysis;

const percentOf = (rate: number) => toPercent(rate) ?? 0;

function recommendationText(recommendation: Recommendation): string {
  const competence = t.competence(recommendation.competenceId, recommendation.name);
  if (recommendation.kind === "low-mastery")
    return t.recommendation.lowMastery(percentOf(recommendation.meanMasteryRate), competence);
  return t.recommendation.belowTarget(
    percentOf(recommendation.belowTargetRate),
    recommendation.belowTargetCount,
    recommendation.assessedCount,
    recommendation.targetLevel,
    competence,
    recommendation.scope,
  );
}

function CompetenceLevels({ competence }: { competence: CompetenceAnalysis }) {
  const label = t.competence(competence.competenceId, competence.name);
  const headingId = `analysis-competence-${competence.competenceId.replace(/\W/g, "-")}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={headingId} className="text-lg font-bold">
        {label}
      </h3>
      {competence.assessedCount === 0 ? (
        <p className="mt-1 text-muted">{t.notAssessed}</p>
      ) : (
        <>
          <p className="mt-1" data-testid={`analysis-summary-${competence.competenceId}`}>
            {competence.targetLevel === null ? t.noTarget : t.target(competence.targetLevel)}{" "}
            {competence.belowTargetCount !== null && competence.belowTargetRate !== null && (
              <strong>
                {t.belowTarget(
                  competence.belowTargetCount,
                  competence.assessedCount,
                  percentOf(competence.belowTargetRate),
                )}
              </strong>
            )}{" "}
            {competence.meanMasteryRate !== null && t.meanMastery(percentOf(competence.meanMasteryRate))}
          </p>
          <table className="mt-3 w-full max-w-2xl border-collapse text-left">
            <caption className="sr-only">{t.levelsCaption(label)}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3 font-semibold">
                  {t.columns.level}
                </th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">
                  {t.columns.students}
                </th>
                <th scope="col" className="py-2 pr-3 font-semibold">
                  {t.columns.share}
                </th>
              </tr>
            </thead>
            <tbody>
              {competence.levels.map(({ level, count }) => {
                const share = percentOf(count / competence.assessedCount);
                const isTarget = level === competence.targetLevel;
                const isBelow = competence.targetLevel !== null && level < competence.targetLevel;
                return (
                  <tr key={level} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap">
                      {t.level(level)}
                      {/* Said in words, not by colour alone. */}
                      {isTarget && <strong> ({t.targetMark})</strong>}
                    </th>
                    <td className="py-1 pr-3 text-right font-semibold">{count}</td>
                    <td className="py-1 pr-3">
                      <div className="flex items-center gap-2">
                        <div className="h-3 w-40 overflow-hidden rounded bg-slate-200" aria-hidden="true">
                          <div
                            className={`h-full ${isBelow ? "bg-danger" : "bg-primary"}`}
                            style={{ width: `${share}%` }}
                          />
                        </div>
                        <span>{t.percent(share)}</span>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** A school-wide campaign: which class to analyse (a GET form, like the Résultats filters). */
function ClassFilter({
  campaignId,
  division,
  divisions,
}: {
  campaignId: number;
  division: string;
  divisions: string[];
}) {
  const action = `/orga/campagnes/${campaignId}/analyse`;
  return (
    <FilterForm
      action={action}
      submitLabel={t.filter.submit}
      resetHref={action}
      resetLabel={t.filter.reset}
      className="md:grid-cols-3"
    >
      <SelectField id="analysis-division" name="division" label={t.filter.division} defaultValue={division}>
        <option value="">{t.filter.allDivisions}</option>
        {divisions.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    </FilterForm>
  );
}

export function AnalysisView({
  campaignId,
  analysis,
  division,
  divisions,
}: {
  campaignId: number;
  analysis: ClassAnalysis;
  /** The class asked for (school-wide campaign), or "". */
  division: string;
  /** The classes to choose from; empty for a class campaign (no filter). */
  divisions: string[];
}) {
  const filter = divisions.length > 0 && (
    <ClassFilter campaignId={campaignId} division={division} divisions={divisions} />
  );
  if (analysis.participantCount === 0) {
    return (
      <section aria-labelledby="analysis-title" className="space-y-4">
        {filter}
        <h2 id="analysis-title" className="text-xl font-bold">
          {t.title}
        </h2>
        <EmptyState>{division ? t.emptyForClass(division) : t.empty}</EmptyState>
      </section>
    );
  }
  const { competences, missedQuestions, recommendations } = analysis;
  return (
    <section aria-labelledby="analysis-title" className="space-y-8">
      {filter}
      <div>
        <h2 id="analysis-title" className="text-xl font-bold">
          {t.title}
        </h2>
        <p className="text-muted" data-testid="analysis-basis">
          {t.basis(analysis.participantCount, division)}
        </p>
      </div>

      <section
        aria-labelledby="analysis-recommendations-title"
        className="rounded-lg border-2 border-primary bg-white p-4"
      >
        <h3 id="analysis-recommendations-title" className="text-lg font-bold">
          {t.recommendationsTitle}
        </h3>
        {recommendations.length === 0 ? (
          <p className="mt-1">{t.noRecommendation}</p>
        ) : (
          <>
            <p className="mt-1 text-muted">{t.recommendationsIntro}</p>
            <ol className="mt-2 list-decimal space-y-1 pl-6" data-testid="analysis-recommendations">
              {recommendations.map((recommendation) => (
                <li key={recommendation.competenceId}>{recommendationText(recommendation)}</li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="analysis-competences-title" className="space-y-3">
        <h3 id="analysis-competences-title" className="text-lg font-bold">
          {t.competencesTitle}
        </h3>
        {competences.map((competence) => (
          <CompetenceLevels key={competence.competenceId} competence={competence} />
        ))}
      </section>

      <section aria-labelledby="analysis-missed-title" className="space-y-2">
        <h3 id="analysis-missed-title" className="text-lg font-bold">
          {t.missedTitle}
        </h3>
        <p className="text-muted">{t.missedIntro}</p>
        <DataTable
          caption={t.missedCaption}
          bounded={false}
          rows={missedQuestions}
          rowKey={(question) => question.skill}
          empty={t.missedNone}
          columns={[
            {
              key: "question",
              header: t.missedColumns.question,
              isRowHeader: true,
              className: "font-normal min-w-72",
              cell: (question) => (
                <>
                  <span className="whitespace-pre-line">{applyFrenchSpacing(question.statement)}</span>
                  {question.otherStatements.length > 0 && (
                    <details className="mt-1 text-sm">
                      <summary className="cursor-pointer text-primary underline">
                        {t.otherForms(question.otherStatements.length)}
                      </summary>
                      <ul className="mt-1 list-disc space-y-1 pl-5">
                        {question.otherStatements.map((statement) => (
                          <li key={statement} className="whitespace-pre-line">
                            {applyFrenchSpacing(statement)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </>
              ),
            },
            {
              key: "competence",
              header: t.missedColumns.competence,
              className: "text-sm",
              cell: (question) => t.competence(question.competenceId, question.competenceName),
            },
            { key: "level", header: t.missedColumns.level, align: "right", cell: (question) => question.level },
            {
              key: "missed",
              header: t.missedColumns.missed,
              align: "right",
              className: "font-semibold whitespace-nowrap",
              cell: (question) => t.missed(question.missedCount, question.seenCount),
            },
            {
              key: "detail",
              header: t.missedColumns.detail,
              className: "text-sm",
              cell: (question) => t.missedDetail(question.wrongCount, question.skippedCount),
            },
          ]}
        />
      </section>
    </section>
  );
}
