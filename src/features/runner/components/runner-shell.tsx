import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";

/** The frame of every runner page: one task per screen, readable on a phone. */
export function RunnerShell({
  title,
  schoolName,
  children,
}: {
  title: string;
  schoolName?: string;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 sm:px-6">
          <p className="text-xl font-extrabold text-primary">Pix</p>
          <p className="min-w-0 truncate text-base text-muted">
            {title}
            {schoolName ? ` · ${schoolName}` : ""}
          </p>
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-3xl px-4 py-6 sm:px-6 sm:py-10">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
