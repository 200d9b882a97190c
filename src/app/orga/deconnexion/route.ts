import { env } from "@/lib/env";
import { endSession } from "@/lib/session";

export const runtime = "nodejs";

/** Where a sign-out may lead instead of the sign-in page: back to an invitation link only. */
const RETURN_PATH = /^\/orga\/invitations\/[A-Za-z0-9_-]{1,128}$/;

/**
 * POST only: a sign-out must not be triggerable by a cross-site link or an image. The session
 * row is deleted server-side; 303 so that the browser follows with a GET.
 */
export async function POST(request: Request) {
  await endSession();
  const form = await request.formData().catch(() => null);
  const next = form?.get("suite");
  const target = typeof next === "string" && RETURN_PATH.test(next) ? next : "/orga/connexion";
  return new Response(null, { status: 303, headers: { Location: new URL(target, env().APP_BASE_URL).toString() } });
}
