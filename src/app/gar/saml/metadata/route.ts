import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Our SP metadata; its URL is our entityID (a GAR rule, docs/gar.md). */
export async function GET() {
  // Over OpenID Connect there is no SP to describe (and no SAML key to require).
  if (env().GAR_PROTOCOL !== "saml") return new Response("Not Found", { status: 404 });
  const port = await getGarSamlPort();
  return new Response(port.serviceProviderMetadata(), {
    headers: { "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "no-store" },
  });
}
