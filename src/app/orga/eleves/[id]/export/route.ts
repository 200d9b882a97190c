import { loadLearnerExportForRoute } from "@/features/privacy/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const dynamic = "force-dynamic";

/** Everything stored about one learner, as a JSON download (ADMIN; audit-logged; docs/decisions/012). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const result = await loadLearnerExportForRoute((await params).id);
  if (!result.ok) {
    return new Response(null, { status: result.status, headers: { "Cache-Control": "no-store" } });
  }
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${privacyMessages.export.fileName(result.data.learnerId)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
