import Papa from "papaparse";

/**
 * CSV for Excel as French schools use it: UTF-8 with a BOM (otherwise Excel reads the file as
 * Windows-1252 and mangles accents), `;` separators (Excel's default with a French locale),
 * CRLF line ends, a header row. Written by papaparse, not by hand.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";

export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / CR, which some versions strip
 * first) as a formula: a learner named "=HYPERLINK(…)" must stay text. papaparse prefixes such
 * cells with an apostrophe (what Excel itself uses to force text) and quotes them. Its default
 * pattern ends in `.*$` without the `s` flag, so it misses a formula followed by a line break;
 * ours looks at the first character only. Numbers are left alone (they cannot be formulas and
 * stay summable).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Also quotes cells holding a comma: the file is `;`-separated, but a spreadsheet that guesses
 * the separator (LibreOffice, an English-locale Excel, Numbers) must not split a cell either.
 */
function quoteCell(value: unknown): boolean {
  return typeof value === "string" && value.includes(",");
}

export function buildCsv(headers: string[], rows: CsvCell[][]): string {
  // Arrays of arrays, the header row first: `{ fields, data: [] }` would add an empty line.
  const body = Papa.unparse([headers, ...rows], {
    delimiter: CSV_SEPARATOR,
    newline: "\r\n",
    escapeFormulae: FORMULA_START,
    quotes: quoteCell,
  });
  return CSV_BOM + body + "\r\n";
}
