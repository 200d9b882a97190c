import type { Metadata } from "next";

import { ErasureView } from "@/features/privacy/components/erasure-view";
import { loadErasurePage } from "@/features/privacy/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: privacyMessages.erase.title };

export default async function LearnerErasurePage({ params }: { params: Promise<{ id: string }> }) {
  const data = await loadErasurePage((await params).id);
  return <ErasureView {...data} />;
}
