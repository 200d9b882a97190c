import type { Metadata } from "next";

import { BlockedStudents } from "@/features/student-accounts/components/blocked-students";
import { loadBlockedStudents } from "@/features/student-accounts/loaders";
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
  const blocked = await loadBlockedStudents({ campaignId: campaign.id });
  // Same shape the polling route returns (dates as strings).
  const initial = JSON.parse(JSON.stringify(activity));
  return (
    <div className="space-y-6">
      <BlockedStudents students={blocked} />
      <LiveActivity campaignId={campaign.id} initial={initial} />
    </div>
  );
}
