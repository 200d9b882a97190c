import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInPageContent } from "@/features/members/components/sign-in-page";
import { getMemberContext } from "@/lib/session";

export const metadata: Metadata = { title: "Connexion" };
export const dynamic = "force-dynamic";

/**
 * /orga, the address schools are given: signed out, the sign-in itself (no redirect hop on a slow
 * school network); signed in, the home (the readiness checklist).
 */
export default async function OrgaIndexPage() {
  const member = await getMemberContext();
  if (member) redirect("/orga/accueil");
  return (
    <main id="contenu" className="min-h-screen bg-slate-50">
      <SignInPageContent />
    </main>
  );
}
