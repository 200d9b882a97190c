import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { StudentHeader } from "@/features/student-accounts/components/student-header";
import { loadStudentVisitor } from "@/features/student-accounts/loaders";
import { accountsText } from "@/messages/fr/student-accounts";
import { errorMessages } from "@/messages/fr/errors";
import { SiteFooter } from "@/components/layout/site-footer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.errorPage.pageTitle };

type OutcomeCode = keyof typeof accountsText.errorPage.titles;

function isOutcomeCode(code: string): code is OutcomeCode {
  return Object.hasOwn(accountsText.errorPage.titles, code);
}

/** One French page per sign-in / onboarding outcome that ends the journey, with its stable code. */
export default async function GarOutcomePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!isOutcomeCode(code)) notFound();
  const visitor = await loadStudentVisitor();
  const text = accountsText.errorPage;
  const backToEnt = [
    "GAR_SIGN_IN_FAILED",
    "GAR_PENDING_IDENTITY_EXPIRED",
    "GAR_ACCESS_DENIED",
    "GAR_RESOURCE_UNAVAILABLE",
    "GAR_ASSERTION_REFUSED",
  ].includes(code);
  return (
    <div className="min-h-screen bg-slate-50">
      <StudentHeader
        studentName={
          visitor.kind === "STUDENT" ? `${visitor.student.firstName} ${visitor.student.lastName}` : undefined
        }
      />
      <main id="contenu" className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-10">
        <h1 className="text-3xl font-bold">{text.titles[code]}</h1>
        <p
          role="alert"
          className="rounded-lg border-2 border-danger bg-danger-light p-4 text-lg font-semibold text-danger"
        >
          {errorMessages[code]}
        </p>
        {backToEnt && <p className="text-lg">{text.backToEnt}</p>}
        <p className="text-sm text-muted">{text.errorCode(code)}</p>
        {code === "GAR_NOT_A_STUDENT" ? (
          <Link href="/orga" className="font-semibold text-primary underline">
            {text.staffLink}
          </Link>
        ) : (
          <Link href="/" className="font-semibold text-primary underline">
            {visitor.kind === "STUDENT" ? text.myCampaigns : text.home}
          </Link>
        )}
      </main>
      <SiteFooter />
    </div>
  );
}
