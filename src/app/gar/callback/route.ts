import { cookies } from "next/headers";
import type { NextRequest } from "next/server";

import { GAR_REQUEST_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { completeGarSignIn } from "@/features/student-accounts/mutations";
import { getGarPort } from "@/features/student-accounts/oidc-client";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { redirectTo, respondToGarSignIn } from "../sign-in-response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Where the GAR sends the browser back (OpenID Connect): a known student is signed in, an unknown one gets a pending identity. */
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
    return await respondToGarSignIn(outcome);
  } catch (error) {
    if (isDomainError(error)) return redirectTo(`/gar/erreur/${error.code}`);
    logger.error("gar.callback.failed", { error: (error as Error).message });
    return redirectTo("/gar/erreur/GAR_SIGN_IN_FAILED");
  }
}
