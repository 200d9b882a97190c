import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { classesMessages as t } from "@/messages/fr/classes";

import type { ClassSummary } from "../types";

export function ClassesView({ classes, canImport }: { classes: ClassSummary[]; canImport: boolean }) {
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t.title}</h1>
          <p className="mt-1 text-muted">{t.intro}</p>
        </div>
        {classes.length > 0 && (
          <Link href="/orga/campagnes/nouvelle/classes" className={buttonClass("primary")}>
            {t.createForEachClass}
          </Link>
        )}
      </header>

      {classes.length === 0 ? (
        <EmptyState
          action={
            canImport && (
              <Link href="/orga/eleves/import" className={buttonClass("primary")}>
                {t.importLink}
              </Link>
            )
          }
        >
          {t.empty}
        </EmptyState>
      ) : (
        <DataTable
          caption={t.tableCaption}
          bounded={false}
          rows={classes}
          rowKey={(row) => row.division}
          columns={[
            {
              key: "division",
              header: t.columns.division,
              isRowHeader: true,
              className: "font-semibold",
              cell: (row) => (
                <Link
                  // One link per class row: prefetching them all would render every class's page at load.
                  prefetch={false}
                  href={`/orga/eleves?division=${encodeURIComponent(row.division)}`}
                  className="text-primary underline"
                >
                  {row.division}
                </Link>
              ),
            },
            { key: "learners", header: t.columns.learners, align: "right", cell: (row) => row.learnerCount },
            {
              key: "joined",
              header: t.columns.joined,
              cell: (row) => (
                <>
                  <span aria-hidden="true">{t.joinedLabel(row.joinedCount, row.learnerCount)}</span>
                  <span className="sr-only">{t.joinedDescription(row.joinedCount, row.learnerCount)}</span>
                </>
              ),
            },
            {
              key: "campaigns",
              header: t.columns.campaigns,
              cell: (row) =>
                row.campaigns.length === 0 ? (
                  <span className="text-muted">{t.noCampaign}</span>
                ) : (
                  <ul className="space-y-1">
                    {row.campaigns.map((campaign) => (
                      <li key={campaign.id}>
                        <Link
                          href={`/orga/campagnes/${campaign.id}`}
                          prefetch={false}
                          className="text-primary underline"
                        >
                          {campaign.name}
                        </Link>{" "}
                        <span className="font-mono text-sm text-muted">{campaign.code}</span>
                        <br />
                        <Link
                          href={`/orga/campagnes/${campaign.id}/pas-encore-rejoint`}
                          prefetch={false}
                          className="text-sm text-primary underline"
                        >
                          {t.notJoinedLink}
                          <span className="sr-only"> {t.notJoinedLinkFor(campaign.name)}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                ),
            },
            {
              key: "actions",
              header: t.columns.actions,
              cell: (row) => (
                <Link
                  prefetch={false}
                  href={`/orga/campagnes/nouvelle?classe=${encodeURIComponent(row.division)}`}
                  aria-label={t.createCampaignFor(row.division)}
                  className={buttonClass("outline")}
                >
                  {t.createCampaign}
                </Link>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
