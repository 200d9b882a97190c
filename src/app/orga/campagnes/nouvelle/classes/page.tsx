import type { Metadata } from "next";
import Link from "next/link";

import { BulkCreateForm } from "@/features/campaigns/components/bulk-create-form";
import { loadBulkCreatePage } from "@/features/campaigns/loaders";
import { campaignsMessages } from "@/messages/fr/campaigns";

const t = campaignsMessages.form;

export const metadata: Metadata = { title: t.bulkTitle };

export default async function BulkCreateCampaignsPage() {
  const data = await loadBulkCreatePage();
  return (
    <div className="max-w-5xl space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.bulkTitle}</h1>
        <p className="mt-1 text-muted">{t.bulkIntro}</p>
        <p className="mt-2">
          <Link href="/orga/campagnes/nouvelle" className="font-semibold text-primary underline">
            {t.singleLink}
          </Link>
        </p>
      </header>
      {data.divisions.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-lg">{campaignsMessages.emptyNoLearners}</p>
      ) : (
        <BulkCreateForm {...data} />
      )}
    </div>
  );
}
