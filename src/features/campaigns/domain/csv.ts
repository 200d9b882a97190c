/**
 * CSV for Excel as French schools use it: UTF-8 with a BOM (otherwise Excel reads the file as
 * Windows-1252 and mangles accents), `;` separators (Excel's default with a French locale),
 * CRLF line ends.
 */
export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";

export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet runs a cell starting with = + - @ (or tab / CR, which some versions strip
 * first) as a formula: a learner named "=HYPERLINK(…)" must stay text. A leading apostrophe is
 * what Excel itself uses to force text, and it is not displayed.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function formatCsvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  // Numbers we produce cannot be formulas; keep them numeric so Excel can sum them.
  const text = typeof cell === "number" ? String(cell) : neutralizeFormula(cell);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildCsv(headers: string[], rows: CsvCell[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(formatCsvCell).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join("\r\n") + "\r\n";
}
