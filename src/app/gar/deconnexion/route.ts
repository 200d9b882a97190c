import { cookies } from "next/headers";

import { PENDING_IDENTITY_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { startGarSamlLogout } from "@/features/student-accounts/mutations";
import { getGarSamlPort } from "@/features/student-accounts/saml-client";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { endSession, getSession } from "@/lib/session";

export const runtime = "nodejs";

/**
 * Student sign-out. POST only (a cross-site link or image cannot sign anyone out; the session
 * cookie is SameSite=Lax, so a cross-site form post arrives without it). Over OpenID Connect the
 * GAR session stays: the ENT owns it, and coming back through the médiacentre signs the student
 * in again. Over SAML, when the session came from a SAML sign-in and the IdP publishes a
 * SingleLogoutService, the browser goes on to the IdP with our signed LogoutRequest; its
 * LogoutResponse comes back to /gar/saml/logout, which ends on the home page.
 */
export async function POST() {
  let location = new URL("/", env().APP_BASE_URL).toString();
  if (env().GAR_PROTOCOL === "saml") {
    const session = await getSession();
    try {
      const url = session ? await startGarSamlLogout({ gar: await getGarSamlPort(), sessionId: session.id }) : null;
      if (url) location = url.toString();
    } catch (error) {
      // The Pix session ends all the same.
      logger.error("gar.saml.logout_start_failed", { error: (error as Error).message });
    }
  }
  await endSession();
  (await cookies()).delete(PENDING_IDENTITY_COOKIE);
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}
