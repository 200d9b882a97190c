import type { Metadata } from "next";

import { ImportView } from "@/features/siecle-import/components/import-view";
import { loadImportPage } from "@/features/siecle-import/loaders";
import { siecleImportPage as t } from "@/messages/fr/siecle-import";

export const metadata: Metadata = { title: t.title };
export const dynamic = "force-dynamic";

export default async function SiecleImportPage() {
  return <ImportView {...await loadImportPage()} />;
}
