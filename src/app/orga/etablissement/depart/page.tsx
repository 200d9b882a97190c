import type { Metadata } from "next";

import { OffboardingView } from "@/features/privacy/offboarding/components/offboarding-view";
import { loadOffboardingPage } from "@/features/privacy/offboarding/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: privacyMessages.offboarding.title };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SchoolOffboardingPage({ searchParams }: Props) {
  const data = await loadOffboardingPage((await searchParams).annulation === "faite");
  return <OffboardingView {...data} />;
}
