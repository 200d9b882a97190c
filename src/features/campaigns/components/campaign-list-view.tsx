import Link from "next/link";

import { Pagination } from "@/components/ui/pagination";
import { campaignsMessages as t } from "@/messages/fr/campaigns";

import { formatCampaignCode } from "../domain/campaign-code";
import type { CampaignListQuery } from "../schema";
import type { CampaignListPage } from "../types";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });
const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

function hrefWith(query: CampaignListQuery, changes: Partial<CampaignListQuery>): string {
  const next = { ...query, ...changes, page: 1 };
  const search = new URLSearchParams();
  if (next.tab !== "all") search.set("tab", next.tab);
  if (next.status !== "active") search.set("status", next.status);
  if (next.q) search.set("q", next.q);
  if (next.division) search.set("division", next.division);
  const text = search.toString();
  return text ? `/orga/campagnes?${text}` : "/orga/campagnes";
}

function TabLinks<K extends string>({
  label,
  items,
  current,
  href,
}: {
  label: string;
  items: { key: K; label: string }[];
  current: K;
  href: (key: K) => string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="flex gap-1 rounded-lg bg-slate-200 p-1">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={href(item.key)}
              aria-current={item.key === current ? "page" : undefined}
              className={`block rounded-md px-4 py-2 font-semibold ${item.key === current ? "bg-white text-primary shadow" : "text-ink hover:bg-slate-100"}`}
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CampaignListView({
  query,
  page,
  divisions,
  hasLearners,
}: {
  query: CampaignListQuery;
  page: CampaignListPage;
  divisions: string[];
  hasLearners: boolean;
}) {
  const isFiltered = query.q !== "" || query.division !== "";
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t.listTitle}</h1>
          <p className="mt-1 text-muted">{t.listIntro}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          {hasLearners && (
            <Link href="/orga/campagnes/nouvelle/classes" className="rounded-md border border-primary bg-white px-4 py-2 font-semibold text-primary hover:bg-primary-light">
              {t.createForEachClass}
            </Link>
          )}
          <Link href="/orga/campagnes/nouvelle" className="rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            {t.newCampaign}
          </Link>
        </div>
      </header>

      <div className="flex flex-wrap gap-4">
        <TabLinks
          label={t.tabs.label}
          current={query.tab}
          items={[
            { key: "all", label: t.tabs.all },
            { key: "mine", label: t.tabs.mine },
          ]}
          href={(tab) => hrefWith(query, { tab })}
        />
        <TabLinks
          label={t.statusTabs.label}
          current={query.status}
          items={[
            { key: "active", label: t.statusTabs.active },
            { key: "archived", label: t.statusTabs.archived },
          ]}
          href={(status) => hrefWith(query, { status })}
        />
      </div>

      <form method="get" action="/orga/campagnes" role="search" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        {query.tab !== "all" && <input type="hidden" name="tab" value={query.tab} />}
        {query.status !== "active" && <input type="hidden" name="status" value={query.status} />}
        <div>
          <label htmlFor="campaigns-q" className="font-semibold">
            {t.filters.name}
          </label>
          <input id="campaigns-q" name="q" type="search" defaultValue={query.q} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="campaigns-division" className="font-semibold">
            {t.filters.division}
          </label>
          <select id="campaigns-division" name="division" defaultValue={query.division} className={fieldClass}>
            <option value="">{t.filters.allDivisions}</option>
            {divisions.map((division) => (
              <option key={division} value={division}>
                {division}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
            {t.filters.submit}
          </button>
          <Link href={hrefWith(query, { q: "", division: "" })} className="px-2 py-2 font-semibold text-primary underline">
            {t.filters.reset}
          </Link>
        </div>
      </form>

      <p role="status" className="font-semibold">
        {t.count(page.total)}
      </p>

      {page.rows.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-lg">
            {isFiltered ? t.emptyFilters : query.status === "archived" ? t.emptyArchived : hasLearners ? t.emptyActive : t.emptyNoLearners}
          </p>
        </div>
      ) : (
        <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.tableCaption} tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{t.tableCaption}</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                <th scope="col" className="px-4 py-3">{t.columns.name}</th>
                <th scope="col" className="px-4 py-3">{t.columns.code}</th>
                <th scope="col" className="px-4 py-3">{t.columns.division}</th>
                <th scope="col" className="px-4 py-3">{t.columns.targetProfile}</th>
                <th scope="col" className="px-4 py-3">{t.columns.owner}</th>
                <th scope="col" className="px-4 py-3">{t.columns.createdAt}</th>
                <th scope="col" className="px-4 py-3 text-right">{t.columns.participants}</th>
                <th scope="col" className="px-4 py-3 text-right">{t.columns.shared}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200">
                  <td className="min-w-64 px-4 py-2">
                    <Link href={`/orga/campagnes/${row.id}`} className="font-semibold text-primary underline">
                      {row.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2 font-mono whitespace-nowrap">{formatCampaignCode(row.code)}</td>
                  <td className="px-4 py-2 whitespace-nowrap">{row.division ?? t.schoolWide}</td>
                  <td className="px-4 py-2 text-sm">{row.targetProfileName}</td>
                  <td className="px-4 py-2">
                    {row.owner.firstName} {row.owner.lastName}
                  </td>
                  <td className="px-4 py-2 whitespace-nowrap">{dateFormat.format(row.createdAt)}</td>
                  <td className="px-4 py-2 text-right">{row.participantCount}</td>
                  <td className="px-4 py-2 text-right">{row.sharedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination
        basePath="/orga/campagnes"
        params={{ tab: query.tab === "all" ? undefined : query.tab, status: query.status === "active" ? undefined : query.status, q: query.q, division: query.division }}
        page={page.page}
        pageCount={page.pageCount}
        labels={t.pagination}
      />
    </div>
  );
}
