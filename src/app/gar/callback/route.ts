import { cookies } from "next/headers";
import type { NextRequest } from "next/server";

import {
  GAR_REQUEST_COOKIE,
  PENDING_IDENTITY_COOKIE,
  PENDING_IDENTITY_TTL_SECONDS,
  sealPendingIdentity,
} from "@/features/student-accounts/domain/pending-identity";
import { pendingIdentityKey } from "@/features/student-accounts/loaders";
import { completeGarSignIn } from "@/features/student-accounts/mutations";
import { getGarPort } from "@/features/student-accounts/oidc-client";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { endSession, isSecureCookie, startSession } from "@/lib/session";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function redirectTo(path: string): Response {
  // Absolute, from the configured public origin: never from the request's Host header.
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(path, env().APP_BASE_URL).toString(), "Cache-Control": "no-store" },
  });
}

function withCgu(hasAcceptedCgu: boolean, path: string): string {
  return hasAcceptedCgu ? path : `/conditions-utilisation?retour=${encodeURIComponent(path)}`;
}

/** Where the GAR sends the browser back: a known student is signed in, an unknown one gets a pending identity. */
export async function GET(request: NextRequest) {
  const jar = await cookies();
  const requestId = jar.get(GAR_REQUEST_COOKIE)?.value;
  jar.delete({ name: GAR_REQUEST_COOKIE, path: "/gar" });

  try {
    const outcome = await completeGarSignIn({
      gar: getGarPort(),
      requestId,
      callbackQuery: request.nextUrl.searchParams,
    });
    if (outcome.kind === "SIGNED_IN") {
      jar.delete(PENDING_IDENTITY_COOKIE);
      await startSession({ userId: outcome.userId, kind: "STUDENT" });
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
    const campaignPath =
      outcome.returnTo && /^\/campagnes\/[A-Z0-9]+$/.test(outcome.returnTo) ? outcome.returnTo : null;
    return redirectTo(campaignPath ?? "/rejoindre");
  } catch (error) {
    if (isDomainError(error)) return redirectTo(`/gar/erreur/${error.code}`);
    logger.error("gar.callback.failed", { error: (error as Error).message });
    return redirectTo("/gar/erreur/GAR_SIGN_IN_FAILED");
  }
}
