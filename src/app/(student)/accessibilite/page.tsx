import type { Metadata } from "next";

import { AccessibilityStatement } from "@/components/layout/accessibility-statement";
import { loadLegalDetails } from "@/features/privacy/loaders";
import { layoutText } from "@/messages/fr/layout";

export const metadata: Metadata = { title: layoutText.accessibility.title };

export default async function AccessibilityPage() {
  const { supportContact } = await loadLegalDetails();
  return <AccessibilityStatement supportContact={supportContact} />;
}
