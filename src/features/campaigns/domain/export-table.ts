import { formatDate } from "@/messages/fr/format";

import type { CsvCell } from "./csv";
import { toPercent } from "./results";
import type { ParticipationStatusName } from "./activity";

export type ExportLabels = {
  headers: {
    lastName: string;
    firstName: string;
    division: string;
    status: string;
    progress: string;
    startedAt: string;
    shared: string;
    sharedAt: string;
    mastery: string;
    competence: (id: string, name: string) => string;
  };
  statuses: Record<ParticipationStatusName, string>;
  yes: string;
  no: string;
};

export type ExportInput = {
  competences: { id: string; name: string }[];
  rows: {
    lastName: string;
    firstName: string;
    division: string;
    status: ParticipationStatusName;
    progress: number;
    startedAt: Date;
    sharedAt: Date | null;
    results: { masteryRate: number | null; competenceRates: Record<string, number | undefined> } | null;
  }[];
};

/** The export as a table: one line per participant, results only once shared, dates jj/mm/aaaa. */
export function buildExportTable(input: ExportInput, labels: ExportLabels): { headers: string[]; rows: CsvCell[][] } {
  const { headers } = labels;
  return {
    headers: [
      headers.lastName,
      headers.firstName,
      headers.division,
      headers.status,
      headers.progress,
      headers.startedAt,
      headers.shared,
      headers.sharedAt,
      headers.mastery,
      ...input.competences.map((competence) => headers.competence(competence.id, competence.name)),
    ],
    rows: input.rows.map((row) => [
      row.lastName,
      row.firstName,
      row.division,
      labels.statuses[row.status],
      row.progress,
      formatDate(row.startedAt),
      row.status === "SHARED" ? labels.yes : labels.no,
      row.sharedAt ? formatDate(row.sharedAt) : null,
      toPercent(row.results?.masteryRate),
      ...input.competences.map((competence) => toPercent(row.results?.competenceRates[competence.id])),
    ]),
  };
}
