import type { Metadata } from "next";

import { ResultsView } from "@/features/campaigns/components/results-view";
import { loadCampaign, loadCampaignResults } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).id);
  return { title: `${campaign.name} — ${campaignsMessages.page.tabs.results}` };
}

export default async function CampaignResultsPage({ params, searchParams }: Props) {
  const { campaign, filter, divisions, results } = await loadCampaignResults((await params).id, await searchParams);
  return <ResultsView campaignId={campaign.id} results={results} filter={filter} divisions={divisions} />;
}
