"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import { layoutText } from "@/messages/fr/layout";

const links = [
  { href: "/orga/accueil", label: layoutText.orgaNav.home },
  { href: "/orga/campagnes", label: layoutText.orgaNav.campaigns },
  { href: "/orga/eleves", label: layoutText.orgaNav.learners, exact: true },
  { href: "/orga/classes", label: layoutText.orgaNav.classes },
  { href: "/orga/equipe", label: layoutText.orgaNav.team },
  { href: "/orga/eleves/import", label: layoutText.orgaNav.import },
];
/** ADMINs only (the pages answer 404 to others). */
const adminLinks = [
  { href: "/orga/journal", label: layoutText.orgaNav.journal },
  { href: "/orga/etablissement/depart", label: layoutText.orgaNav.offboarding },
];

export function OrgaNavLinks({ isAdmin = false }: { isAdmin?: boolean }) {
  const pathname = usePathname();
  const shown = isAdmin ? [...links, ...adminLinks] : links;
  return (
    <nav aria-label={layoutText.orgaNav.label} className="px-2 pb-4">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {shown.map((link) => {
          const isActive =
            "exact" in link && link.exact
              ? pathname === link.href
              : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={isActive ? "page" : undefined}
                className={`block rounded-md px-3 py-2 font-medium ${isActive ? "bg-primary-light text-primary" : "text-ink hover:bg-slate-100"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
