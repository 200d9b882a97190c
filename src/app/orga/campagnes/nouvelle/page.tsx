import type { Metadata } from "next";
import Link from "next/link";

import { CreateCampaignForm } from "@/features/campaigns/components/create-campaign-form";
import { loadNewCampaignPage } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

const t = campaignsMessages.form;

export const metadata: Metadata = { title: t.createTitle };

export default async function NewCampaignPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const data = await loadNewCampaignPage(await searchParams);
  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.createTitle}</h1>
        <p className="mt-1 text-muted">{t.createIntro}</p>
        {data.divisions.length > 0 && (
          <p className="mt-2">
            <Link href="/orga/campagnes/nouvelle/classes" className="font-semibold text-primary underline">
              {t.bulkLink}
            </Link>
          </p>
        )}
      </header>
      <CreateCampaignForm {...data} />
    </div>
  );
}
