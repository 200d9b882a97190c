import Link from "next/link";

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
          <Link href="/orga/campagnes/nouvelle/classes" className="rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            {t.createForEachClass}
          </Link>
        )}
      </header>

      {classes.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-lg">{t.empty}</p>
          {canImport && (
            <Link href="/orga/eleves/import" className="mt-4 inline-block rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
              {t.importLink}
            </Link>
          )}
        </div>
      ) : (
        <div className="overflow-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.tableCaption} tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t.tableCaption}</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-4 py-3">{t.columns.division}</th>
                <th scope="col" className="px-4 py-3 text-right">{t.columns.learners}</th>
                <th scope="col" className="px-4 py-3">{t.columns.joined}</th>
                <th scope="col" className="px-4 py-3">{t.columns.campaigns}</th>
                <th scope="col" className="px-4 py-3">{t.columns.actions}</th>
              </tr>
            </thead>
            <tbody>
              {classes.map((row) => (
                <tr key={row.division} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-4 py-3 font-semibold">
                    <Link href={`/orga/eleves?division=${encodeURIComponent(row.division)}`} className="text-primary underline">
                      {row.division}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-right">{row.learnerCount}</td>
                  <td className="px-4 py-3">
                    <span aria-hidden="true">{t.joinedLabel(row.joinedCount, row.learnerCount)}</span>
                    <span className="sr-only">{t.joinedDescription(row.joinedCount, row.learnerCount)}</span>
                  </td>
                  <td className="px-4 py-3">
                    {row.campaigns.length === 0 ? (
                      <span className="text-muted">{t.noCampaign}</span>
                    ) : (
                      <ul className="space-y-1">
                        {row.campaigns.map((campaign) => (
                          <li key={campaign.id}>
                            <Link href={`/orga/campagnes/${campaign.id}`} className="text-primary underline">
                              {campaign.name}
                            </Link>{" "}
                            <span className="font-mono text-sm text-muted">{campaign.code}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <Link
                      href={`/orga/campagnes/nouvelle?classe=${encodeURIComponent(row.division)}`}
                      aria-label={t.createCampaignFor(row.division)}
                      className="inline-block rounded-md border border-primary px-3 py-1.5 font-semibold text-primary hover:bg-primary-light"
                    >
                      {t.createCampaign}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
