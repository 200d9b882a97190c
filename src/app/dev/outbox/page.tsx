import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OutboxView } from "@/features/mail/components/outbox-view";
import { loadOutboxPage } from "@/features/mail/loaders";
import { mailMessages } from "@/messages/fr/mail";

export const metadata: Metadata = { title: mailMessages.outbox.title };
export const dynamic = "force-dynamic";

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ cle?: string | string[] }> }) {
  const { cle } = await searchParams;
  const page = await loadOutboxPage(typeof cle === "string" ? cle : null);
  if (!page) notFound();
  return (
    <main id="contenu" className="min-h-screen bg-slate-50">
      <OutboxView access={page.access} usesSmtp={page.usesSmtp} entries={page.entries} />
    </main>
  );
}
