import type { Metadata } from "next";

import { LegalNotice } from "@/features/privacy/components/legal-notice";
import { loadLegalDetails } from "@/features/privacy/loaders";
import { layoutText } from "@/messages/fr/layout";

export const metadata: Metadata = { title: layoutText.legal.title };

export default async function LegalNoticePage() {
  return <LegalNotice details={await loadLegalDetails()} />;
}
