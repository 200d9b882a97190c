import type { Metadata } from "next";

import { OffboardingView } from "@/features/privacy/offboarding/components/offboarding-view";
import { loadOffboardingPage } from "@/features/privacy/offboarding/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: privacyMessages.offboarding.title };

export default async function SchoolOffboardingPage() {
  const data = await loadOffboardingPage();
  return <OffboardingView {...data} />;
}
