import type { Metadata } from "next";

import { PrivacyNotice } from "@/features/privacy/components/privacy-notice";
import { loadLegalDetails } from "@/features/privacy/loaders";
import { privacyMessages } from "@/messages/fr/privacy";

export const metadata: Metadata = { title: privacyMessages.notice.title };

export default async function PrivacyPage() {
  const { privacyContact } = await loadLegalDetails();
  return <PrivacyNotice privacyContact={privacyContact} />;
}
