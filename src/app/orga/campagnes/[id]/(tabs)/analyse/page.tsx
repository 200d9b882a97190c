import type { Metadata } from "next";

import { AnalysisView } from "@/features/campaigns/analysis/components/analysis-view";
import { loadCampaignAnalysis } from "@/features/campaigns/analysis/loaders";
import { loadCampaign } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  return { title: `${campaign.name} — ${campaignsMessages.page.tabs.analysis}` };
}

export default async function CampaignAnalysisPage({ params, searchParams }: Props) {
  const { campaign, analysis, division, divisions } = await loadCampaignAnalysis((await params).id, await searchParams);
  return <AnalysisView campaignId={campaign.id} analysis={analysis} division={division} divisions={divisions} />;
}
