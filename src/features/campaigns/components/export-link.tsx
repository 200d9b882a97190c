"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * "Exporter (CSV)" in the campaign header: the export follows the filters of the tab on screen
 * (its URL parameters). Résultats lists shared results unless told otherwise, so its export does too.
 */
export function ExportLink({ campaignId, label, className }: { campaignId: number; label: string; className: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = new URLSearchParams();
  for (const key of ["division", "status", "sort"]) {
    const value = searchParams.get(key);
    if (value) params.set(key, value);
  }
  if (pathname.endsWith("/resultats") && !params.has("status")) params.set("status", "shared");
  const query = params.toString();
  return (
    <a href={`/orga/campagnes/${campaignId}/export${query ? `?${query}` : ""}`} download className={className}>
      {label}
    </a>
  );
}
