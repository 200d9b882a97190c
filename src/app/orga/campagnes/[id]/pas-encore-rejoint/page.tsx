import type { Metadata } from "next";

import { NotJoinedPrint } from "@/features/campaigns/not-joined/components/not-joined-print";
import { loadNotJoinedPage } from "@/features/campaigns/not-joined/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

export const metadata: Metadata = { title: campaignsMessages.notJoined.documentTitle };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export default async function NotJoinedPage({ params }: Props) {
  return <NotJoinedPrint {...await loadNotJoinedPage((await params).id)} />;
}
