import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { JoinCodeForm } from "@/features/student-accounts/components/join-code-form";
import { loadStudentVisitor } from "@/features/student-accounts/loaders";
import { accountsText } from "@/messages/fr/student-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.joinCode.pageTitle };

/** "Rejoindre un parcours": for an unknown student back from the GAR, or a signed-in one joining another campaign. */
export default async function JoinCampaignPage() {
  const visitor = await loadStudentVisitor();
  if (visitor.kind === "ANONYMOUS") redirect("/");
  if (visitor.kind === "PENDING_EXPIRED") redirect("/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED");
  if (visitor.kind === "STUDENT" && !visitor.hasAcceptedCgu) redirect("/conditions-utilisation?retour=%2Frejoindre");
  const text = accountsText.joinCode;
  return (
    <>
      {visitor.kind === "PENDING" && (
        <p className="text-lg">{accountsText.birthdate.hello(visitor.firstName, visitor.lastName)}</p>
      )}
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="text-lg">{text.intro}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <JoinCodeForm />
      </div>
      {visitor.kind === "STUDENT" && (
        <Link href="/" className="font-semibold text-primary underline">
          {text.back}
        </Link>
      )}
    </>
  );
}
