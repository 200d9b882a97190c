import { campaignsMessages } from "@/messages/fr/campaigns";

import { toPercent } from "../domain/results";
import type { CampaignResults } from "../types";

const t = campaignsMessages.results;
const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });

function Percent({ rate }: { rate: number | null | undefined }) {
  const value = toPercent(rate);
  return value === null ? <span className="text-muted">{t.empty}</span> : <>{t.percent(value)}</>;
}

export function ResultsView({ results }: { results: CampaignResults }) {
  const { competences, rows, averages } = results;
  return (
    <section aria-labelledby="results-title" className="space-y-4">
      <div>
        <h2 id="results-title" className="text-xl font-bold">
          {t.title} ({rows.length})
        </h2>
        <p className="text-muted">{t.intro}</p>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t.none}</p>
      ) : (
        <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.caption} tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t.caption}</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-4 py-3">{t.participant}</th>
                <th scope="col" className="px-4 py-3">{t.division}</th>
                <th scope="col" className="px-4 py-3">{t.sharedAt}</th>
                <th scope="col" className="px-4 py-3 text-right">{t.mastery}</th>
                {competences.map((competence) => (
                  <th key={competence.id} scope="col" className="px-4 py-3 text-right text-sm">
                    {t.competence(competence.id, competence.name)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.participationId} className="border-t border-slate-200">
                  <th scope="row" className="px-4 py-2 font-normal">
                    <span className="font-semibold">{row.lastName}</span> {row.firstName}
                  </th>
                  <td className="px-4 py-2">{row.division}</td>
                  <td className="px-4 py-2">{row.sharedAt ? dateFormat.format(row.sharedAt) : t.empty}</td>
                  <td className="px-4 py-2 text-right font-semibold">
                    <Percent rate={row.masteryRate} />
                  </td>
                  {competences.map((competence) => (
                    <td key={competence.id} className="px-4 py-2 text-right">
                      <Percent rate={row.competenceRates[competence.id]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-400 bg-primary-light font-bold">
              <tr>
                <th scope="row" className="px-4 py-3" colSpan={3}>
                  {t.averages}
                </th>
                <td className="px-4 py-3 text-right" data-testid="average-mastery">
                  <Percent rate={averages.masteryRate} />
                </td>
                {competences.map((competence) => (
                  <td key={competence.id} className="px-4 py-3 text-right">
                    <Percent rate={averages.competenceRates[competence.id]} />
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
