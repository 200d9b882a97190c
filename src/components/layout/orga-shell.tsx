import Link from "next/link";
import type { ReactNode } from "react";

import { OrgaNavLinks } from "@/components/layout/orga-nav-links";
import { SiteFooter } from "@/components/layout/site-footer";
import { layoutText } from "@/messages/fr/layout";

export type OrgaShellMember = {
  firstName: string;
  lastName: string;
  role: "ADMIN" | "MEMBER";
  school: { id: number; name: string; uai: string };
  schools: { id: number; name: string; uai: string; role: "ADMIN" | "MEMBER" }[];
};

export function OrgaShell({
  member,
  children,
  schoolSwitcher,
  banner,
}: {
  member: OrgaShellMember;
  children: ReactNode;
  schoolSwitcher?: ReactNode;
  /** Shown above every page (the rentrée banner, a pending offboarding). */
  banner?: ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 md:flex-row print:block print:bg-white">
      <aside className="no-print border-b border-slate-200 bg-white md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="px-5 py-4">
          <Link href="/orga/accueil" className="text-xl font-extrabold text-primary">
            Pix Orga
          </Link>
        </div>
        <OrgaNavLinks isAdmin={member.role === "ADMIN"} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="no-print flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-6 py-3">
          <div className="min-w-0">
            <p className="text-xs uppercase tracking-wide text-muted">{layoutText.currentSchool}</p>
            <p className="truncate font-semibold">
              {member.school.name} <span className="font-normal text-muted">({member.school.uai})</span>
            </p>
            {schoolSwitcher}
          </div>
          <div className="flex items-center gap-4">
            <span className="text-sm">
              {member.firstName} {member.lastName} ·{" "}
              <span className="text-muted">{layoutText.roleLabel[member.role]}</span>
            </span>
            <Link href="/orga/compte" className="text-sm font-semibold text-primary underline">
              {layoutText.account}
            </Link>
            <form action="/orga/deconnexion" method="post">
              <button
                type="submit"
                className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
              >
                {layoutText.signOut}
              </button>
            </form>
          </div>
        </header>
        {banner}
        <main id="contenu" className="flex-1 px-6 py-6 print:p-0">
          {children}
        </main>
        <SiteFooter />
      </div>
    </div>
  );
}
