import { formatDate } from "@/messages/fr/format";

import type { CsvCell } from "./csv";
import { toPercent } from "./results";
import type { ParticipationStatusName } from "./activity";

export type ExportLabels = {
  headers: {
    campaignName: string;
    code: string;
    targetProfile: string;
    lastName: string;
    firstName: string;
    division: string;
    ine: string;
    status: string;
    progress: string;
    startedAt: string;
    shared: string;
    sharedAt: string;
    mastery: string;
    competence: (id: string, name: string) => string;
  };
  statuses: Record<ParticipationStatusName | "NOT_STARTED", string>;
  yes: string;
  no: string;
};

export type ExportInput = {
  campaignName: string;
  code: string;
  targetProfileName: string;
  /** Adds the INE column (ADMIN only: the loader decides). */
  includeIne: boolean;
  competences: { id: string; name: string }[];
  rows: {
    lastName: string;
    firstName: string;
    division: string;
    ine: string | null;
    status: ParticipationStatusName | "NOT_STARTED";
    progress: number;
    startedAt: Date | null;
    sharedAt: Date | null;
    results: { masteryRate: number | null; competenceRates: Record<string, number | undefined> } | null;
  }[];
};

/**
 * The export as a table: one line per learner, each carrying the campaign (name, code, parcours)
 * so that exports of several campaigns can be pasted together; the INE when asked for; results
 * only once shared; dates jj/mm/aaaa.
 */
export function buildExportTable(input: ExportInput, labels: ExportLabels): { headers: string[]; rows: CsvCell[][] } {
  const { headers } = labels;
  return {
    headers: [
      headers.campaignName,
      headers.code,
      headers.targetProfile,
      headers.lastName,
      headers.firstName,
      headers.division,
      ...(input.includeIne ? [headers.ine] : []),
      headers.status,
      headers.progress,
      headers.startedAt,
      headers.shared,
      headers.sharedAt,
      headers.mastery,
      ...input.competences.map((competence) => headers.competence(competence.id, competence.name)),
    ],
    rows: input.rows.map((row) => [
      input.campaignName,
      input.code,
      input.targetProfileName,
      row.lastName,
      row.firstName,
      row.division,
      ...(input.includeIne ? [row.ine] : []),
      labels.statuses[row.status],
      row.progress,
      row.startedAt ? formatDate(row.startedAt) : null,
      row.status === "SHARED" ? labels.yes : labels.no,
      row.sharedAt ? formatDate(row.sharedAt) : null,
      toPercent(row.results?.masteryRate),
      ...input.competences.map((competence) => toPercent(row.results?.competenceRates[competence.id])),
    ]),
  };
}
