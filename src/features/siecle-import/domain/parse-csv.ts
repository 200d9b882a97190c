/**
 * The CSV template for schools outside SIECLE (docs/siecle-format.md §3): 15 French headers, `;`
 * (or `,`), one learner per line. Every header and line problem is collected with its line
 * number and column.
 */

import Papa from "papaparse";
import type { ImportError, RegisterLearner } from "../types";
import { decodeCsv, looksGarbled } from "./decode-text";
import { importError } from "./import-errors";
import {
  normaliseNationalStudentId,
  validateLearnerRecord,
  type RawLearnerRecord,
  type RecordField,
} from "./validate-learner";

export type CsvColumn = {
  /** The label as written in the template's first line. */
  header: string;
  field: RecordField;
  /** How messages name the column. */
  label: string;
  required: boolean;
};

/** The template, in order. `*`: always required; `**`: required depending on the birth country. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: "Identifiant unique*", field: "nationalStudentId", label: "Identifiant unique", required: true },
  { header: "Premier prénom*", field: "firstName", label: "Premier prénom", required: true },
  { header: "Deuxième prénom", field: "middleName", label: "Deuxième prénom", required: false },
  { header: "Troisième prénom", field: "thirdName", label: "Troisième prénom", required: false },
  { header: "Nom de famille*", field: "lastName", label: "Nom de famille", required: true },
  { header: "Nom d'usage", field: "preferredLastName", label: "Nom d'usage", required: false },
  { header: "Code sexe*", field: "sex", label: "Code sexe", required: true },
  { header: "Date de naissance (jj/mm/aaaa)*", field: "birthdate", label: "Date de naissance", required: true },
  { header: "Code commune naissance**", field: "birthCityCode", label: "Code commune naissance", required: false },
  { header: "Libellé commune naissance**", field: "birthCity", label: "Libellé commune naissance", required: false },
  {
    header: "Code département naissance*",
    field: "birthProvinceCode",
    label: "Code département naissance",
    required: true,
  },
  { header: "Code pays naissance*", field: "birthCountryCode", label: "Code pays naissance", required: true },
  { header: "Statut*", field: "status", label: "Statut", required: true },
  { header: "Code MEF*", field: "mefCode", label: "Code MEF", required: true },
  { header: "Division*", field: "division", label: "Division", required: true },
];

/** The downloadable template: the header line and one example line, `;`-separated, UTF-8. */
export function buildCsvTemplate(): string {
  const example = [
    "1234567890A",
    "Maëlys",
    "Chloé",
    "",
    "BERTHELOT",
    "",
    "F",
    "03/02/2011",
    "69123",
    "",
    "069",
    "99100",
    "ST",
    "10310019110",
    "4E B",
  ];
  return `${CSV_COLUMNS.map((c) => c.header).join(";")}\r\n${example.join(";")}\r\n`;
}

/** Excel and hand edits vary apostrophes, spaces and case; the words themselves must match. */
const normaliseHeader = (header: string): string =>
  header
    .normalize("NFC")
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

const COLUMN_BY_HEADER = new Map(CSV_COLUMNS.map((c) => [normaliseHeader(c.header), c]));

export type CsvContent = { learners: RegisterLearner[]; errors: ImportError[] };

const isBlankRow = (row: string[]): boolean => row.every((cell) => cell.trim() === "");

export function readCsv(bytes: Uint8Array, today: string): CsvContent {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok)
    return { learners: [], errors: [importError("ENCODING_NOT_SUPPORTED", {}, { variant: "CSV_UNKNOWN" })] };
  const { text } = decoded;

  const errors: ImportError[] = [];
  const learners: RegisterLearner[] = [];
  let columns: (CsvColumn | null)[] | null = null;
  let headerFailed = false;
  let cursor = 0;
  let lineOfNextRow = 1;
  const firstLineByIne = new Map<string, number>();
  let garbledReported = false;

  Papa.parse<string[]>(text, {
    delimiter: "",
    delimitersToGuess: [";", ","],
    skipEmptyLines: false,
    step: (result, parser) => {
      const row = result.data;
      const line = lineOfNextRow;
      const consumed = text.slice(cursor, result.meta.cursor);
      const breakChar = result.meta.linebreak === "\r" ? "\r" : "\n";
      lineOfNextRow += consumed.split(breakChar).length - 1;
      cursor = result.meta.cursor;

      if (columns === null) {
        columns = readHeader(row, errors);
        headerFailed = errors.length > 0;
        if (headerFailed) parser.abort();
        return;
      }
      if (result.errors.some((e) => e.type === "Quotes")) {
        errors.push(importError("BAD_CSV_FORMAT", { line }, { variant: "QUOTES" }));
        return;
      }
      if (isBlankRow(row)) return;
      if (row.slice(columns.length).some((cell) => cell.trim() !== "")) {
        errors.push(importError("BAD_CSV_FORMAT", { line }, { variant: "TOO_MANY_CELLS" }));
        return;
      }

      const raw: RawLearnerRecord = {};
      const fields: Partial<Record<RecordField, { header: string; label: string }>> = {};
      columns.forEach((column, index) => {
        if (!column) return;
        fields[column.field] = { header: column.header, label: column.label };
        const value = row[index]?.trim();
        if (value) raw[column.field] = value;
      });
      // Fields whose column is optional and absent still need a name in messages.
      for (const column of CSV_COLUMNS) fields[column.field] ??= { header: column.header, label: column.label };

      if (!garbledReported && Object.values(raw).some((value) => value && looksGarbled(value))) {
        garbledReported = true;
        errors.push(importError("ENCODING_NOT_SUPPORTED", { line }, { variant: "GARBLED" }));
      }

      const { learner, errors: rowErrors } = validateLearnerRecord(raw, { format: "CSV", line, fields }, today);
      errors.push(...rowErrors);

      if (raw.nationalStudentId) {
        const ine = normaliseNationalStudentId(raw.nationalStudentId);
        const firstLine = firstLineByIne.get(ine);
        if (firstLine !== undefined) {
          errors.push(
            importError(
              "INE_UNIQUE",
              { nationalStudentId: ine, line, field: fields.nationalStudentId?.header },
              { firstLine },
            ),
          );
          return;
        }
        firstLineByIne.set(ine, line);
      }
      if (learner) learners.push(learner);
    },
  });

  if (columns === null) return { learners: [], errors: [importError("EMPTY", {}, { variant: "ZERO_BYTES" })] };
  return { learners, errors };
}

/** Maps each cell of the first line to a template column, collecting every header problem. */
function readHeader(row: string[], errors: ImportError[]): (CsvColumn | null)[] {
  if (row.length === 1 && !/[;,]/.test(row[0] ?? "")) {
    errors.push(importError("BAD_CSV_FORMAT", {}, { variant: "DELIMITER" }));
    return [];
  }
  const seen = new Set<RecordField>();
  const columns = row.map((cell) => {
    const header = cell.trim();
    // Excel leaves empty trailing cells (a final `;`): they carry nothing.
    if (header === "") return null;
    const column = COLUMN_BY_HEADER.get(normaliseHeader(header));
    if (!column) {
      errors.push(importError("HEADER_UNKNOWN", { field: header }, { header }));
      return null;
    }
    if (seen.has(column.field)) {
      errors.push(importError("HEADER_DUPLICATED", { field: column.header }, { header: column.header }));
      return null;
    }
    seen.add(column.field);
    return column;
  });
  for (const column of CSV_COLUMNS) {
    if (column.required && !seen.has(column.field)) {
      errors.push(importError("HEADER_REQUIRED", { field: column.header }, { header: column.header }));
    }
  }
  return columns;
}
