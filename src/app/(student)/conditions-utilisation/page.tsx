import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { CguForm } from "@/features/student-accounts/components/cgu-form";
import { sanitizeReturnPath } from "@/features/student-accounts/domain/return-path";
import { loadStudentVisitor } from "@/features/student-accounts/loaders";
import { accountsText } from "@/messages/fr/student-accounts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: accountsText.cgu.pageTitle };

/** Terms of use, shown on a student's first use (accounts created through the GAR start without). */
export default async function StudentCguPage({
  searchParams,
}: {
  searchParams: Promise<{ retour?: string | string[] }>;
}) {
  const { retour } = await searchParams;
  const returnTo = sanitizeReturnPath(typeof retour === "string" ? retour : null) ?? "/";
  const visitor = await loadStudentVisitor();
  if (visitor.kind !== "STUDENT") redirect("/");
  if (visitor.hasAcceptedCgu) redirect(returnTo);
  const text = accountsText.cgu;
  return (
    <>
      <h1 className="text-3xl font-bold">{text.title}</h1>
      <p className="text-lg">{text.intro}</p>
      <ul className="flex list-disc flex-col gap-2 rounded-lg border border-slate-200 bg-white p-6 pl-10 text-lg">
        {text.points.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
      <CguForm returnTo={returnTo} />
    </>
  );
}
