import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInPageContent } from "@/features/members/components/sign-in-page";
import { getMemberContext } from "@/lib/session";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: "Connexion" };
export const dynamic = "force-dynamic";

const infoMessages: Record<string, string> = {
  "mot-de-passe-modifie": m.signIn.passwordChanged,
  depart: m.team.left,
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ info?: string }> }) {
  if (await getMemberContext()) redirect("/orga/accueil");
  const { info } = await searchParams;
  return <SignInPageContent message={info ? infoMessages[info] : undefined} />;
}
