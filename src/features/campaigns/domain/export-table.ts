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

const frenchDate = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });

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
      frenchDate.format(row.startedAt),
      row.status === "SHARED" ? labels.yes : labels.no,
      row.sharedAt ? frenchDate.format(row.sharedAt) : null,
      toPercent(row.results?.masteryRate),
      ...input.competences.map((competence) => toPercent(row.results?.competenceRates[competence.id])),
    ]),
  };
}
