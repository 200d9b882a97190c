import Link from "next/link";
import { Suspense } from "react";

import { CopyButton } from "@/components/ui/copy-button";
import { campaignsMessages as t } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { formatCampaignCode } from "../domain/campaign-code";
import type { CampaignDetail } from "../types";
import { ExportLink } from "./export-link";
import { ProjectionButton } from "./projection-button";

const linkButton =
  "rounded-md border border-primary bg-white px-4 py-2 font-semibold text-primary hover:bg-primary-light";

export function CampaignHeader({ campaign, directLink }: { campaign: CampaignDetail; directLink: string }) {
  const formattedCode = formatCampaignCode(campaign.code);
  return (
    <header className="space-y-4">
      <p>
        <Link href="/orga/campagnes" className="font-semibold text-primary underline">
          ← {t.page.back}
        </Link>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-6">
        <div className="min-w-0">
          <h1 className="text-3xl font-bold">{campaign.name}</h1>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
            <dt className="text-muted">{t.page.division}</dt>
            <dd className="font-semibold">{campaign.division ?? t.schoolWide}</dd>
            <dt className="text-muted">{t.page.targetProfile}</dt>
            <dd className="font-semibold">{campaign.targetProfile.name}</dd>
            <dt className="text-muted">{t.page.owner}</dt>
            <dd className="font-semibold">
              {campaign.owner.firstName} {campaign.owner.lastName}
            </dd>
          </dl>
          <p className="mt-1 text-sm text-muted">
            {t.page.createdBy(
              `${campaign.creator.firstName} ${campaign.creator.lastName}`,
              formatDate(campaign.createdAt),
            )}
          </p>
        </div>
        <div className="max-w-full rounded-xl border-2 border-primary bg-white px-4 py-4 text-center sm:px-6">
          <p className="font-semibold text-muted">{t.page.codeLabel}</p>
          {/* On one line whatever the width (a code read aloud in three groups): smaller on phones, never wrapped. */}
          <p
            className="whitespace-nowrap font-mono text-3xl font-bold tracking-wider text-primary sm:text-5xl md:text-6xl"
            data-testid="campaign-code"
            data-code={campaign.code}
          >
            {formattedCode}
          </p>
        </div>
      </div>

      {campaign.archivedAt && (
        <p role="status" className="rounded-lg border-2 border-danger bg-danger-light p-3 font-semibold text-danger">
          {t.page.archivedBanner(formatDate(campaign.archivedAt))}
        </p>
      )}

      <div className="no-print flex flex-wrap items-center gap-3">
        <CopyButton
          text={campaign.code}
          label={t.page.copyCode}
          copiedLabel={t.page.copied}
          failedLabel={t.page.copyFailed}
        />
        <CopyButton
          text={directLink}
          label={t.page.copyLink}
          copiedLabel={t.page.copied}
          failedLabel={t.page.copyFailed}
        />
        {/* An archived campaign cannot be joined: nothing to project or print for a class. */}
        {campaign.archivedAt === null && (
          <>
            <ProjectionButton
              formattedCode={formattedCode}
              title={campaign.title ?? campaign.name}
              hint={t.page.projectionHint}
              label={t.page.project}
              closeLabel={t.page.closeProjection}
            />
            <Link href={`/orga/campagnes/${campaign.id}/fiche-eleve`} className={linkButton}>
              {t.page.printSheets}
            </Link>
          </>
        )}
        <Suspense
          fallback={
            <a href={`/orga/campagnes/${campaign.id}/export`} download className={linkButton}>
              {t.page.exportCsv}
            </a>
          }
        >
          <ExportLink campaignId={campaign.id} label={t.page.exportCsv} className={linkButton} />
        </Suspense>
      </div>
    </header>
  );
}
