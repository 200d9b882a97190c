import type { Metadata } from "next";

import { StudentSheet } from "@/features/campaigns/components/student-sheet";
import { loadCampaignSheet } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const metadata: Metadata = { title: campaignsMessages.sheet.documentTitle };

type Props = { params: Promise<{ id: string }> };

export default async function StudentSheetPage({ params }: Props) {
  const { id } = await params;
  const sheet = await loadCampaignSheet(id);
  return <StudentSheet sheet={sheet} campaignId={Number(id)} />;
}
