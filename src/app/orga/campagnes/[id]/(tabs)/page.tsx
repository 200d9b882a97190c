import type { Metadata } from "next";

import { BlockedStudents } from "@/features/student-accounts/components/blocked-students";
import { loadBlockedStudents } from "@/features/student-accounts/loaders";
import { LiveActivity } from "@/features/campaigns/components/live-activity";
import { ParticipantFilters } from "@/features/campaigns/components/participant-filters";
import { loadCampaign, loadCampaignActivity } from "@/features/campaigns/loaders";
import { NotJoinedLinks } from "@/features/campaigns/not-joined/components/not-joined-links";
import { SuccessMessage } from "@/components/ui/notice";
import { campaignsMessages } from "@/messages/fr/campaigns";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  return { title: `${campaign.name} — ${campaignsMessages.page.tabs.activity}` };
}

export default async function CampaignActivityPage({ params, searchParams }: Props) {
  const { campaign, filter, divisions, pollQuery, activity, justDeletedParticipation } = await loadCampaignActivity(
    (await params).id,
    await searchParams,
  );
  const blocked = await loadBlockedStudents({ campaignId: campaign.id });
  // Same shape the polling route returns (dates as strings).
  const initial = JSON.parse(JSON.stringify(activity));
  return (
    <div className="space-y-6">
      {justDeletedParticipation && <SuccessMessage>{campaignsMessages.page.participationDeleted}</SuccessMessage>}
      <BlockedStudents students={blocked} />
      <ParticipantFilters
        action={`/orga/campagnes/${campaign.id}`}
        idPrefix="activity"
        filter={filter}
        divisions={divisions}
      />
      <LiveActivity
        campaignId={campaign.id}
        initial={initial}
        query={pollQuery}
        showParticipants={filter.status !== "not-started"}
        notJoinedActions={<NotJoinedLinks campaignId={campaign.id} />}
      />
    </div>
  );
}
