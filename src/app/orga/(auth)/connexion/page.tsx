import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { SuccessMessage } from "@/components/ui/notice";
import { AuthCard } from "@/features/members/components/auth-card";
import { SignInForm } from "@/features/members/components/sign-in-form";
import { getMemberContext } from "@/lib/session";
import { membersMessages as m } from "@/messages/fr/members";

export const metadata: Metadata = { title: "Connexion" };
export const dynamic = "force-dynamic";

const infoMessages: Record<string, string> = {
  "mot-de-passe-modifie": m.signIn.passwordChanged,
  depart: m.team.left,
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ info?: string }> }) {
  if (await getMemberContext()) redirect("/orga");
  const { info } = await searchParams;
  const message = info ? infoMessages[info] : undefined;
  return (
    <AuthCard title={m.signIn.title} intro={m.signIn.intro}>
      {message && <SuccessMessage>{message}</SuccessMessage>}
      <SignInForm />
      <p className="border-t border-slate-200 pt-4">
        <Link href="/orga/activation" className="font-semibold text-primary underline">
          {m.signIn.activateLink}
        </Link>
      </p>
    </AuthCard>
  );
}
