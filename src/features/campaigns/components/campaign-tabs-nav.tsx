"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function CampaignTabsNav({
  campaignId,
  labels,
}: {
  campaignId: number;
  labels: { activity: string; results: string; analysis: string; settings: string; label: string };
}) {
  const pathname = usePathname();
  const base = `/orga/campagnes/${campaignId}`;
  const tabs = [
    { href: base, label: labels.activity },
    { href: `${base}/resultats`, label: labels.results },
    { href: `${base}/analyse`, label: labels.analysis },
    { href: `${base}/parametres`, label: labels.settings },
  ];
  return (
    <nav aria-label={labels.label} className="no-print border-b border-slate-300">
      <ul className="flex gap-2">
        {tabs.map((tab) => {
          const isActive = pathname === tab.href;
          return (
            <li key={tab.href}>
              <Link
                href={tab.href}
                aria-current={isActive ? "page" : undefined}
                className={`-mb-px block border-b-4 px-4 py-3 font-semibold ${isActive ? "border-primary text-primary" : "border-transparent text-ink hover:border-slate-400"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
