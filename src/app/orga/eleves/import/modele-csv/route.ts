import { buildCsvTemplate } from "@/features/siecle-import/domain/parse-csv";

export const dynamic = "force-static";

/** The CSV template, UTF-8 with a BOM so that Excel shows the accents right. */
export function GET() {
  return new Response(`\uFEFF${buildCsvTemplate()}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="modele-import-eleves.csv"',
    },
  });
}
