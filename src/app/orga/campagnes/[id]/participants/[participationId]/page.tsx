import type { Metadata } from "next";

import { ParticipantResultView } from "@/features/campaigns/components/participant-result-view";
import { ParticipationActions } from "@/features/campaigns/components/participation-actions";
import { loadParticipantResultPage } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; participationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, participationId } = await params;
  const { result } = await loadParticipantResultPage(id, participationId);
  return {
    title: campaignsMessages.participant.pageTitle(
      `${result.learner.lastName} ${result.learner.firstName}`,
      result.campaign.name,
    ),
  };
}

export default async function ParticipantResultPage({ params }: Props) {
  const { id, participationId } = await params;
  const { result, canManage, canRetry } = await loadParticipantResultPage(id, participationId);
  return (
    <ParticipantResultView
      result={result}
      actions={
        canManage && (
          <ParticipationActions
            campaignId={result.campaign.id}
            participationId={result.participationId}
            name={`${result.learner.firstName} ${result.learner.lastName}`}
            canRetry={canRetry}
          />
        )
      }
    />
  );
}
