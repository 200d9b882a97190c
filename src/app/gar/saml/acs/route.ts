import { completeGarSamlSignIn } from "@/features/student-accounts/mutations";
import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { redirectTo, respondToGarSignIn } from "../../sign-in-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const MAX_FORM_BYTES = 512 * 1024;

/**
 * The SAML assertion consumer service (HTTP-POST binding). The GAR posts cross-site: no
 * SameSite=Lax cookie arrives and the Origin is the GAR's (listed in CROSS_SITE_POST_PATHS), so the
 * Response is trusted only through its signature and its InResponseTo (completeGarSamlSignIn).
 */
export async function POST(request: Request) {
  if (env().GAR_PROTOCOL !== "saml") return redirectTo("/gar/erreur/GAR_SIGN_IN_FAILED");
  try {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_FORM_BYTES) return redirectTo("/gar/erreur/GAR_ASSERTION_REFUSED");
    const form = await request.formData().catch(() => null);
    const field = form?.get("SAMLResponse");
    const outcome = await completeGarSamlSignIn({
      gar: await getGarSamlPort(),
      samlResponse: typeof field === "string" ? field : null,
    });
    return await respondToGarSignIn(outcome);
  } catch (error) {
    if (isDomainError(error)) return redirectTo(`/gar/erreur/${error.code}`);
    logger.error("gar.saml.acs_failed", { error: (error as Error).message });
    return redirectTo("/gar/erreur/GAR_SIGN_IN_FAILED");
  }
}
