import type { ReactNode } from "react";

import { CampaignHeader } from "@/features/campaigns/components/campaign-header";
import { CampaignTabsNav } from "@/features/campaigns/components/campaign-tabs-nav";
import { loadCampaign } from "@/features/campaigns/loaders";
import { env } from "@/lib/env";
import { campaignsMessages } from "@/messages/fr/campaigns";

export default async function CampaignLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { campaign } = await loadCampaign((await params).id);
  const directLink = new URL(`/campagnes/${campaign.code}`, env().APP_BASE_URL).toString();
  return (
    <div className="space-y-6">
      <CampaignHeader campaign={campaign} directLink={directLink} />
      <CampaignTabsNav campaignId={campaign.id} labels={campaignsMessages.page.tabs} />
      <div>{children}</div>
    </div>
  );
}
