import { cookies } from "next/headers";

import { PENDING_IDENTITY_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { startGarSamlLogout } from "@/features/student-accounts/mutations";
import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { endSession, getSession } from "@/lib/session";
import { accountsText } from "@/messages/fr/student-accounts";

export const runtime = "nodejs";

/**
 * The page that takes the browser on to the IdP. Not a redirect: our CSP's `form-action 'self'`
 * covers the redirects that follow a form's POST, and the IdP is another origin.
 */
function signingOutPage(location: string): string {
  const text = accountsText.signingOut;
  const href = location.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>${text.title}</title></head><body><main><h1>${text.title}</h1><p>${text.text} <a href="${href}">${text.link}</a></p></main></body></html>`;
}

/**
 * Student sign-out. POST only (a cross-site link or image cannot sign anyone out; the session
 * cookie is SameSite=Lax, so a cross-site form post arrives without it). Over OpenID Connect the
 * GAR session stays: the ENT owns it, and coming back through the médiacentre signs the student
 * in again. Over SAML, when the session came from a SAML sign-in and the IdP publishes a
 * SingleLogoutService, the browser goes on to the IdP with our signed LogoutRequest; its
 * LogoutResponse comes back to /gar/saml/logout, which ends on the home page.
 */
export async function POST() {
  let idpLogout: URL | null = null;
  if (env().GAR_PROTOCOL === "saml") {
    const session = await getSession();
    try {
      idpLogout = session ? await startGarSamlLogout({ gar: await getGarSamlPort(), sessionId: session.id }) : null;
    } catch (error) {
      // The Pix session ends all the same.
      logger.error("gar.saml.logout_start_failed", { error: (error as Error).message });
    }
  }
  await endSession();
  (await cookies()).delete(PENDING_IDENTITY_COOKIE);
  if (idpLogout) {
    return new Response(signingOutPage(idpLogout.toString()), {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const home = new URL("/", env().APP_BASE_URL).toString();
  return new Response(null, { status: 303, headers: { Location: home, "Cache-Control": "no-store" } });
}
