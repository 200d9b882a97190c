import { cookies } from "next/headers";

import {
  PENDING_IDENTITY_COOKIE,
  PENDING_IDENTITY_TTL_SECONDS,
  sealPendingIdentity,
} from "@/features/student-accounts/domain/pending-identity";
import { pendingIdentityKey } from "@/features/student-accounts/loaders";
import { attachGarSamlLogin } from "@/features/student-accounts/mutations";
import type { GarSignInOutcome } from "@/features/student-accounts/types";
import { env } from "@/lib/env";
import { endSession, isSecureCookie, startSession } from "@/lib/session";

/**
 * The response to a verified GAR identity, shared by the OIDC callback and the SAML ACS (the two
 * adapters of one port, docs/decisions/011): a known student is signed in, an unknown one gets a
 * pending identity.
 */
export function redirectTo(path: string): Response {
  // Absolute, from the configured public origin: never from the request's Host header.
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(path, env().APP_BASE_URL).toString(), "Cache-Control": "no-store" },
  });
}

function withCgu(hasAcceptedCgu: boolean, path: string): string {
  return hasAcceptedCgu ? path : `/conditions-utilisation?retour=${encodeURIComponent(path)}`;
}

export async function respondToGarSignIn(outcome: GarSignInOutcome): Promise<Response> {
  const jar = await cookies();
  if (outcome.kind === "SIGNED_IN") {
    jar.delete(PENDING_IDENTITY_COOKIE);
    const { sessionId } = await startSession({ userId: outcome.userId, kind: "STUDENT" });
    // SAML: the sign-in is tied to the session, for single logout.
    if (outcome.samlLoginId) await attachGarSamlLogin(outcome.samlLoginId, sessionId);
    return redirectTo(withCgu(outcome.hasAcceptedCgu, outcome.returnTo ?? "/"));
  }
  // On a shared school computer the previous student must not stay signed in.
  await endSession();
  const { garId, firstName, lastName, uais } = outcome.identity;
  const id = outcome.pendingIdentityId;
  jar.set(
    PENDING_IDENTITY_COOKIE,
    sealPendingIdentity({ id, garId, firstName, lastName, uais }, pendingIdentityKey(), new Date()),
    {
      httpOnly: true,
      sameSite: "lax",
      secure: isSecureCookie(),
      path: "/",
      maxAge: PENDING_IDENTITY_TTL_SECONDS,
    },
  );
  // Straight to what the campaign's entry page would send them to, the birth-date page (which
  // says itself what is wrong with the code): one request fewer for each student of a class.
  const code = outcome.returnTo ? /^\/campagnes\/([A-Z0-9]+)$/.exec(outcome.returnTo)?.[1] : undefined;
  return redirectTo(code ? `/rejoindre/${code}` : "/rejoindre");
}
