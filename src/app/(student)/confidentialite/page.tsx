import type { Metadata } from "next";

import { PrivacyNotice } from "@/features/privacy/components/privacy-notice";
import { privacyMessages } from "@/messages/fr/privacy";

export const metadata: Metadata = { title: privacyMessages.notice.title };

export default function PrivacyPage() {
  return <PrivacyNotice />;
}
