import type { Metadata } from "next";

import { AccessibilityStatement } from "@/components/layout/accessibility-statement";
import { layoutText } from "@/messages/fr/layout";

export const metadata: Metadata = { title: layoutText.accessibility.title };

export default function AccessibilityPage() {
  return <AccessibilityStatement />;
}
