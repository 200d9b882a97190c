import { getGarSamlPort } from "@/features/student-accounts/saml-client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Our SP metadata; its URL is our entityID (a GAR rule, docs/gar.md). */
export async function GET() {
  const port = await getGarSamlPort();
  return new Response(port.serviceProviderMetadata(), {
    headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
