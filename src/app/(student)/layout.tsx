import type { ReactNode } from "react";

import { SiteFooter } from "@/components/layout/site-footer";
import { StudentHeader } from "@/features/student-accounts/components/student-header";
import { loadEntryVisitor } from "@/features/student-accounts/loaders";

/**
 * The header names the visitor from the session or the sealed pending-identity cookie, without
 * reading the pending identity's row: each page checks that row itself when it matters (the
 * birth-date page in the campaign's statement), so the layout costs no statement of its own.
 */
export default async function StudentLayout({ children }: { children: ReactNode }) {
  const visitor = await loadEntryVisitor();
  const name =
    visitor.kind === "STUDENT"
      ? `${visitor.student.firstName} ${visitor.student.lastName}`
      : visitor.kind === "PENDING"
        ? `${visitor.identity.firstName} ${visitor.identity.lastName}`
        : undefined;
  return (
    <div className="min-h-screen bg-slate-50">
      <StudentHeader studentName={name} />
      <main id="contenu" className="mx-auto flex max-w-3xl flex-col gap-6 px-5 py-10">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
