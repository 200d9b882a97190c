import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { BirthdateForm } from "@/features/student-accounts/components/birthdate-form";
import {
  loadCampaignForPendingIdentity,
  loadEntryVisitor,
  loadPendingIdentity,
} from "@/features/student-accounts/loaders";
import { campaignCodeSchema } from "@/features/student-accounts/schema";
import { isDomainError } from "@/lib/errors";
import { accountsText } from "@/messages/fr/student-accounts";
import { errorMessages } from "@/messages/fr/errors";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.birthdate.pageTitle };

const EXPIRED = "/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED";

/**
 * "Votre date de naissance": the GAR names read-only, then the three date fields. One statement:
 * the campaign with the pending identity's row (consumed or expired: the student signs in again).
 */
export default async function BirthdatePage({ params }: { params: Promise<{ code: string }> }) {
  const parsedCode = campaignCodeSchema.safeParse(decodeURIComponent((await params).code));
  const visitor = await loadEntryVisitor();
  if (visitor.kind === "STUDENT") redirect(parsedCode.success ? `/campagnes/${parsedCode.data}` : "/");
  if (visitor.kind === "ANONYMOUS") redirect("/");
  if (visitor.kind === "PENDING_EXPIRED") redirect(EXPIRED);

  const text = accountsText.birthdate;
  let campaign: Awaited<ReturnType<typeof loadCampaignForPendingIdentity>> = null;
  let problem: string | null = null;
  if (!parsedCode.success) {
    // No campaign to read it with: the row alone.
    if (!(await loadPendingIdentity()).ok) redirect(EXPIRED);
    problem = errorMessages.CAMPAIGN_CODE_UNKNOWN;
  } else {
    try {
      campaign = await loadCampaignForPendingIdentity(parsedCode.data, visitor.identity);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problem = error.userMessage ?? errorMessages[error.code];
    }
    if (!campaign && !problem) redirect(EXPIRED);
  }
  const { firstName, lastName } = visitor.identity;

  return (
    <>
      <div>
        <p className="text-2xl font-bold">{text.hello(firstName, lastName)}</p>
        <p className="text-muted">{text.notYou}</p>
      </div>
      {campaign ? (
        <>
          <h1 className="text-3xl font-bold">{text.title}</h1>
          <p className="text-lg">{text.campaign(campaign.title ?? campaign.name)}</p>
          <p>{text.intro}</p>
          <div className="rounded-lg border border-slate-200 bg-white p-6">
            <BirthdateForm code={campaign.code} />
          </div>
        </>
      ) : (
        <div role="alert" className="rounded-lg border-2 border-danger bg-danger-light p-4 font-semibold text-danger">
          {problem}
        </div>
      )}
      <Link href="/rejoindre" className="font-semibold text-primary underline">
        {text.otherCode}
      </Link>
    </>
  );
}
