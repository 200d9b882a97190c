import { redirect } from "next/navigation";

import { getMemberContext } from "@/lib/session";

export const dynamic = "force-dynamic";

export default async function OrgaIndexPage() {
  const member = await getMemberContext();
  redirect(member ? "/orga/campagnes" : "/orga/connexion");
}
