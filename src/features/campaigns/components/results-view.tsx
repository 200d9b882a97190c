import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { campaignsMessages } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { toPercent } from "../domain/results";
import type { CampaignResults } from "../types";

const t = campaignsMessages.results;

function Percent({ rate }: { rate: number | null | undefined }) {
  const value = toPercent(rate);
  return value === null ? <span className="text-muted">{t.empty}</span> : <>{t.percent(value)}</>;
}

export function ResultsView({ campaignId, results }: { campaignId: number; results: CampaignResults }) {
  const { competences, rows, averages } = results;
  return (
    <section aria-labelledby="results-title" className="space-y-4">
      <div>
        <h2 id="results-title" className="text-xl font-bold">
          {t.title} ({rows.length})
        </h2>
        <p className="text-muted">{t.intro}</p>
      </div>
      <DataTable
        caption={t.caption}
        rows={rows}
        rowKey={(row) => row.participationId}
        empty={t.none}
        columns={[
          {
            key: "participant",
            header: t.participant,
            isRowHeader: true,
            className: "font-normal whitespace-nowrap",
            cell: (row) => (
              <Link
                href={`/orga/campagnes/${campaignId}/participants/${row.participationId}`}
                prefetch={false}
                className="text-primary underline"
              >
                <span className="font-semibold">{row.lastName}</span> {row.firstName}
              </Link>
            ),
          },
          { key: "division", header: t.division, className: "whitespace-nowrap", cell: (row) => row.division },
          {
            key: "sharedAt",
            header: t.sharedAt,
            className: "whitespace-nowrap",
            headerClassName: "whitespace-nowrap",
            cell: (row) => (row.sharedAt ? formatDate(row.sharedAt) : t.empty),
          },
          {
            key: "mastery",
            header: t.mastery,
            align: "right",
            className: "font-semibold",
            cell: (row) => <Percent rate={row.masteryRate} />,
          },
          ...competences.map((competence) => ({
            key: competence.id,
            header: t.competence(competence.id, competence.name),
            // Competence names are long: a readable column width rather than five-line headers.
            headerClassName: "text-sm min-w-40",
            align: "right" as const,
            cell: (row: (typeof rows)[number]) => <Percent rate={row.competenceRates[competence.id]} />,
          })),
        ]}
        footer={
          <tfoot className="border-t-2 border-slate-400 bg-primary-light font-bold">
            <tr>
              <th scope="row" className="px-3 py-3 text-left" colSpan={3}>
                {t.averages}
              </th>
              <td className="px-3 py-3 text-right" data-testid="average-mastery">
                <Percent rate={averages.masteryRate} />
              </td>
              {competences.map((competence) => (
                <td key={competence.id} className="px-3 py-3 text-right">
                  <Percent rate={averages.competenceRates[competence.id]} />
                </td>
              ))}
            </tr>
          </tfoot>
        }
      />
    </section>
  );
}
