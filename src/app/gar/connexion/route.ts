import { cookies } from "next/headers";
import type { NextRequest } from "next/server";

import { GAR_REQUEST_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { campaignReturnPath, sanitizeReturnPath } from "@/features/student-accounts/domain/return-path";
import { startGarSamlSignIn, startGarSignIn } from "@/features/student-accounts/mutations";
import { getGarPort } from "@/features/student-accounts/oidc-client";
import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";
import { isSecureCookie } from "@/lib/session";
import { logger } from "@/lib/logger";
import { accountsText } from "@/messages/fr/student-accounts";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function connectingPage(location: string): string {
  const text = accountsText.connecting;
  const href = location.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${text.title}</title></head><body><main><p>${text.title}</p><p>${text.text} <a href="${href}">${text.link}</a></p></main></body></html>`;
}

/**
 * The médiacentre tile's target: starts the GAR sign-in at once, with no form
 * (`?campagne=CODE` or `?retour=/path` to come back to a campaign afterwards).
 */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const campaign = params.get("campagne");
  const returnTo = campaign
    ? campaignReturnPath(campaign.trim().toUpperCase())
    : sanitizeReturnPath(params.get("retour"));

  let location: string;
  try {
    if (env().GAR_PROTOCOL === "saml") {
      // No cookie: the Response is a cross-site POST, correlated through InResponseTo.
      const { authorizationUrl } = await startGarSamlSignIn({ gar: await getGarSamlPort(), returnTo });
      location = authorizationUrl.toString();
    } else {
      location = await startOidcSignIn(returnTo);
    }
  } catch (error) {
    logger.error("gar.sign_in.start_failed", { error: (error as Error).message });
    location = "/gar/erreur/GAR_SIGN_IN_FAILED";
  }
  return new Response(connectingPage(location), {
    status: 303,
    headers: { Location: location, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** OpenID Connect: the request row's id goes into a cookie that binds the callback to this browser. */
async function startOidcSignIn(returnTo: string | null): Promise<string> {
  const { requestId, authorizationUrl } = await startGarSignIn({ gar: getGarPort(), returnTo });
  (await cookies()).set(GAR_REQUEST_COOKIE, requestId, {
    httpOnly: true,
    // Lax: sent on the GAR's top-level redirect back to /gar/callback.
    sameSite: "lax",
    secure: isSecureCookie(),
    path: "/gar",
    maxAge: 10 * 60,
  });
  return authorizationUrl.toString();
}
