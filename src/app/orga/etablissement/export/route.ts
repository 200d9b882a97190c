import { loadSchoolExportForRoute } from "@/features/privacy/offboarding/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const dynamic = "force-dynamic";

/** Every learner of the school, as one JSON download (ADMIN; each read audit-logged), offered before an offboarding. */
export async function GET() {
  const result = await loadSchoolExportForRoute();
  if (!result.ok) {
    return new Response(null, { status: result.status, headers: { "Cache-Control": "no-store" } });
  }
  return new Response(JSON.stringify(result.data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${privacyMessages.offboarding.exportFileName(result.uai)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
