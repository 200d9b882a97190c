import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { campaignsMessages } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { toPercent } from "../domain/results";
import type { ParticipantFilter } from "../schema";
import type { CampaignResults } from "../types";
import { ParticipantFilters } from "./participant-filters";

const t = campaignsMessages.results;
const f = campaignsMessages.participantFilters;

function Percent({ rate }: { rate: number | null | undefined }) {
  const value = toPercent(rate);
  return value === null ? <span className="text-muted">{t.empty}</span> : <>{t.percent(value)}</>;
}

export function ResultsView({
  campaignId,
  results,
  filter,
  divisions,
}: {
  campaignId: number;
  results: CampaignResults;
  filter: ParticipantFilter;
  divisions: string[];
}) {
  const { competences, rows, averages, notStarted } = results;
  const sharedOnly = filter.status === "shared";
  const isFiltered = filter.division !== "" || filter.status !== "shared";
  return (
    <section aria-labelledby="results-title" className="space-y-4">
      <ParticipantFilters
        action={`/orga/campagnes/${campaignId}/resultats`}
        idPrefix="results"
        filter={filter}
        divisions={divisions}
      />
      <div>
        <h2 id="results-title" className="text-xl font-bold">
          {sharedOnly ? `${t.title} (${rows.length})` : f.participantsTitle(rows.length)}
        </h2>
        <p className="text-muted">{t.intro}</p>
      </div>
      {filter.status !== "not-started" && (
        <DataTable
          caption={t.caption}
          rows={rows}
          rowKey={(row) => row.participationId}
          empty={isFiltered ? f.noneForFilter : t.none}
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
            ...(sharedOnly
              ? []
              : [
                  {
                    key: "status",
                    header: f.status,
                    className: "whitespace-nowrap",
                    cell: (row: (typeof rows)[number]) => campaignsMessages.activity.statuses[row.status],
                  },
                  {
                    key: "progress",
                    header: campaignsMessages.activity.columns.progress,
                    align: "right" as const,
                    cell: (row: (typeof rows)[number]) => campaignsMessages.activity.progress(row.progress),
                  },
                ]),
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
                <th scope="row" className="px-3 py-3 text-left" colSpan={sharedOnly ? 3 : 5}>
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
      )}
      {notStarted.length > 0 && (
        <section
          aria-labelledby="results-not-started-title"
          className="rounded-lg border border-slate-200 bg-white p-4"
        >
          <h3 id="results-not-started-title" className="text-lg font-bold">
            {f.notStartedTitle(notStarted.length)}
          </h3>
          <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2 lg:grid-cols-3" data-testid="results-not-started">
            {notStarted.map((learner) => (
              <li key={learner.id}>
                <span className="font-semibold">{learner.lastName}</span> {learner.firstName}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
