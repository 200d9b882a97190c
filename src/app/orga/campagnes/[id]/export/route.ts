import { buildCsv } from "@/features/campaigns/domain/csv";
import { buildExportTable } from "@/features/campaigns/domain/export-table";
import { loadExportForRoute } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const dynamic = "force-dynamic";

/** The campaign's participants and shared results as a CSV that opens correctly in Excel. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const result = await loadExportForRoute((await params).id, new URL(request.url).searchParams);
  if (!result.ok) {
    return new Response(null, { status: result.status, headers: { "Cache-Control": "no-store" } });
  }
  const t = campaignsMessages.export;
  const table = buildExportTable(result.data, {
    headers: t.headers,
    statuses: { ...campaignsMessages.activity.statuses, NOT_STARTED: t.notStarted },
    yes: t.yes,
    no: t.no,
  });
  const fileName = t.fileName(result.data.code);
  return new Response(buildCsv(table.headers, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
