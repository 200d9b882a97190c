import type { Metadata } from "next";

import { CampaignListView } from "@/features/campaigns/components/campaign-list-view";
import { loadCampaignListPage } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const metadata: Metadata = { title: campaignsMessages.listTitle };

export default async function CampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <CampaignListView {...await loadCampaignListPage(await searchParams)} />;
}
