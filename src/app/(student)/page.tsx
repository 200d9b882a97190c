import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { SignedOutHome, StudentCampaignSection } from "@/features/student-accounts/components/student-home";
import { loadStudentHome, loadStudentVisitor } from "@/features/student-accounts/loaders";
import { accountsText } from "@/messages/fr/student-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.home.pageTitle };

export default async function StudentHomePage() {
  const visitor = await loadStudentVisitor();
  if (visitor.kind === "PENDING") redirect("/rejoindre");
  if (visitor.kind === "PENDING_EXPIRED") redirect("/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED");
  if (visitor.kind === "ANONYMOUS") return <SignedOutHome />;
  if (!visitor.hasAcceptedCgu) redirect("/conditions-utilisation?retour=%2F");

  const home = await loadStudentHome();
  if (!home) redirect("/");
  const text = accountsText.home;
  const isEmpty = home.inProgress.length + home.finished.length + home.shared.length === 0;
  return (
    <>
      <p className="text-lg">{text.hello(home.firstName)}</p>
      <h1 className="text-3xl font-bold">{text.title}</h1>
      {isEmpty && <p className="text-lg">{text.empty}</p>}
      <StudentCampaignSection
        title={text.inProgress}
        cards={home.inProgress}
        action={(card) => ({
          label: text.resume,
          // Started: straight back to the next question; not yet: the start page (what to expect).
          href: `/campagnes/${card.campaignCode}${card.answeredCount > 0 ? "/question" : ""}`,
        })}
      />
      <StudentCampaignSection
        title={text.finished}
        cards={home.finished}
        action={(card) => ({ label: text.seeResults, href: `/campagnes/${card.campaignCode}` })}
      />
      <StudentCampaignSection
        title={text.shared}
        cards={home.shared}
        action={(card) => ({ label: text.seeResults, href: `/campagnes/${card.campaignCode}` })}
      />
      <Link
        href="/profil"
        className="inline-flex min-h-12 w-fit items-center rounded-lg bg-primary px-6 py-3 text-lg font-semibold text-white hover:bg-primary-dark"
      >
        {text.profile}
      </Link>
      <Link
        href="/rejoindre"
        className="inline-flex min-h-12 w-fit items-center rounded-lg border-2 border-primary bg-white px-6 py-3 text-lg font-semibold text-primary hover:bg-primary-light"
      >
        {text.joinAnother}
      </Link>
    </>
  );
}
