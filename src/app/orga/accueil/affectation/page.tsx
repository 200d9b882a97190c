import type { Metadata } from "next";

import { AssignmentPrint } from "@/features/readiness/components/assignment-print";
import { loadAssignmentPrintPage } from "@/features/readiness/loaders";
import { readinessText } from "@/messages/fr/readiness";

export const metadata: Metadata = { title: readinessText.assignment.printTitle };
export const dynamic = "force-dynamic";

export default async function AssignmentPrintPage() {
  return <AssignmentPrint {...await loadAssignmentPrintPage()} />;
}
