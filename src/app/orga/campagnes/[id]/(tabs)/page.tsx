import type { Metadata } from "next";

import { LiveActivity } from "@/features/campaigns/components/live-activity";
import { loadCampaign, loadCampaignActivity } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  return { title: `${campaign.name} — ${campaignsMessages.page.tabs.activity}` };
}

export default async function CampaignActivityPage({ params }: Props) {
  const { campaign, activity } = await loadCampaignActivity((await params).id);
  // Same shape the polling route returns (dates as strings).
  const initial = JSON.parse(JSON.stringify(activity));
  return <LiveActivity campaignId={campaign.id} initial={initial} />;
}
