import { redirect } from "next/navigation";

import { endSession } from "@/lib/session";

export const runtime = "nodejs";

/** POST only: a sign-out must not be triggerable by a cross-site link or an image. */
export async function POST() {
  await endSession();
  redirect("/orga/connexion");
}
