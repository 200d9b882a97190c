import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { StudentHeader } from "@/features/student-accounts/components/student-header";
import {
  loadCampaignForPendingIdentity,
  loadCampaignForStudent,
  loadEntryVisitor,
  loadPendingIdentity,
} from "@/features/student-accounts/loaders";
import { campaignCodeSchema } from "@/features/student-accounts/schema";
import { DomainError, isDomainError } from "@/lib/errors";
import { accountsText } from "@/messages/fr/student-accounts";
import { errorMessages } from "@/messages/fr/errors";
import { SiteFooter } from "@/components/layout/site-footer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.joinCode.pageTitle };

/**
 * A campaign's direct link (`/campagnes/CODE`), also where the GAR callback sends an unknown
 * student who came with a code. Not signed in → the GAR; unknown student → birth date; signed-in
 * student linked in the campaign's school → the start page, where *Commencer* starts the
 * participation (a GET never writes: links are prefetched, reloaded, shared).
 */
export default async function CampaignEntryPage({ params }: { params: Promise<{ code: string }> }) {
  const parsed = campaignCodeSchema.safeParse(decodeURIComponent((await params).code));
  const code = parsed.success ? parsed.data : null;
  const visitor = await loadEntryVisitor();
  const signIn = code ? `/gar/connexion?campagne=${code}` : "/gar/connexion";

  if (visitor.kind === "ANONYMOUS" || visitor.kind === "PENDING_EXPIRED") redirect(signIn);
  if (visitor.kind === "STUDENT" && !visitor.hasAcceptedCgu) {
    redirect(`/conditions-utilisation?retour=${encodeURIComponent(`/campagnes/${code ?? ""}`)}`);
  }

  let failure: DomainError | null = null;
  let destination: string | null = null;
  try {
    if (!code) {
      // A consumed or expired pending identity signs in again, as with a code.
      if (visitor.kind === "PENDING" && !(await loadPendingIdentity()).ok) redirect(signIn);
      throw new DomainError("CAMPAIGN_CODE_UNKNOWN");
    }
    if (visitor.kind === "STUDENT") {
      const joined = await loadCampaignForStudent(visitor.student.userId, code);
      destination = `/campagnes/${joined.campaignCode}/demarrer`;
    } else {
      // The pending identity's row is checked in the campaign's statement.
      const campaign = await loadCampaignForPendingIdentity(code, visitor.identity);
      if (!campaign) redirect(signIn);
      destination = `/rejoindre/${campaign.code}`;
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    failure = error;
  }
  if (destination) redirect(destination);

  const failureCode = failure?.code ?? "CAMPAIGN_CODE_UNKNOWN";
  const titles: Record<string, string> = accountsText.errorPage.titles;
  const name =
    visitor.kind === "STUDENT"
      ? `${visitor.student.firstName} ${visitor.student.lastName}`
      : `${visitor.identity.firstName} ${visitor.identity.lastName}`;
  return (
    <div className="min-h-screen bg-slate-50">
      <StudentHeader studentName={name} />
      <main id="contenu" className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-10">
        <h1 className="text-3xl font-bold">{titles[failureCode] ?? accountsText.errorPage.pageTitle}</h1>
        <p
          role="alert"
          className="rounded-lg border-2 border-danger bg-danger-light p-4 text-lg font-semibold text-danger"
        >
          {failure?.userMessage ?? errorMessages[failureCode]}
        </p>
        <p className="text-sm text-muted">{accountsText.errorPage.errorCode(failureCode)}</p>
        <Link href="/rejoindre" className="font-semibold text-primary underline">
          {accountsText.birthdate.otherCode}
        </Link>
      </main>
      <SiteFooter />
    </div>
  );
}
