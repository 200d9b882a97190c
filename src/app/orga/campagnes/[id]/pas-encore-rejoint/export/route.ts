import { buildCsv } from "@/features/campaigns/domain/csv";
import { buildNotJoinedTable, notJoinedFileName } from "@/features/campaigns/not-joined/domain/not-joined-table";
import { loadNotJoinedForRoute } from "@/features/campaigns/not-joined/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const dynamic = "force-dynamic";

/** The class's learners who have not joined the campaign, as a CSV that opens correctly in Excel. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const result = await loadNotJoinedForRoute((await params).id);
  if (!result.ok) {
    return new Response(null, { status: result.status, headers: { "Cache-Control": "no-store" } });
  }
  const t = campaignsMessages.notJoined;
  const table = buildNotJoinedTable(result.data.learners ?? [], { headers: t.headers, yes: t.yes, no: t.no });
  const fileName = notJoinedFileName(result.data.campaign.division, result.data.campaign.code);
  return new Response(buildCsv(table.headers, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
