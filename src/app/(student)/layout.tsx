import type { ReactNode } from "react";

import { SiteFooter } from "@/components/layout/site-footer";
import { StudentHeader } from "@/features/student-accounts/components/student-header";
import { loadStudentVisitor } from "@/features/student-accounts/loaders";

export default async function StudentLayout({ children }: { children: ReactNode }) {
  const visitor = await loadStudentVisitor();
  const name =
    visitor.kind === "STUDENT"
      ? `${visitor.student.firstName} ${visitor.student.lastName}`
      : visitor.kind === "PENDING"
        ? `${visitor.firstName} ${visitor.lastName}`
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
