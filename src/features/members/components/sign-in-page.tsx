import Link from "next/link";

import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";

import { AuthCard } from "./auth-card";
import { SignInForm } from "./sign-in-form";

/** The staff sign-in, served at /orga/connexion and at /orga itself (the address schools are given). */
export function SignInPageContent({ message }: { message?: string }) {
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
