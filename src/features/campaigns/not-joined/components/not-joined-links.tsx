import Link from "next/link";

import { campaignsMessages } from "@/messages/fr/campaigns";

const t = campaignsMessages.notJoined;

/** Print or download the campaign's "pas encore rejoint" list (Activité tab, Classes). */
export function NotJoinedLinks({ campaignId, label = t.linksLabel }: { campaignId: number; label?: string }) {
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        <li>
          <Link
            href={`/orga/campagnes/${campaignId}/pas-encore-rejoint`}
            prefetch={false}
            className="font-semibold text-primary underline"
          >
            {t.printLink}
          </Link>
        </li>
        <li>
          <a
            href={`/orga/campagnes/${campaignId}/pas-encore-rejoint/export`}
            download
            className="font-semibold text-primary underline"
          >
            {t.exportLink}
          </a>
        </li>
      </ul>
    </nav>
  );
}
