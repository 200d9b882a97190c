import { cookies } from "next/headers";

import { PENDING_IDENTITY_COOKIE } from "@/features/student-accounts/domain/pending-identity";
import { env } from "@/lib/env";
import { endSession } from "@/lib/session";

export const runtime = "nodejs";

/**
 * Student sign-out. POST only (a cross-site link or image cannot sign anyone out; the session
 * cookie is SameSite=Lax, so a cross-site form post arrives without it). The GAR session stays:
 * the ENT owns it, and coming back through the médiacentre signs the student in again.
 */
export async function POST() {
  await endSession();
  (await cookies()).delete(PENDING_IDENTITY_COOKIE);
  return new Response(null, { status: 303, headers: { Location: new URL("/", env().APP_BASE_URL).toString() } });
}
