import type { Metadata } from "next";

import { CampaignSettings } from "@/features/campaigns/components/campaign-settings";
import { loadCampaign, loadCampaignSettings } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  return { title: `${campaign.name} — ${campaignsMessages.page.tabs.settings}` };
}

export default async function CampaignSettingsPage({ params }: Props) {
  return <CampaignSettings {...await loadCampaignSettings((await params).id)} />;
}
