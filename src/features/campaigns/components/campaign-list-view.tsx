import Link from "next/link";

import { SuccessMessage } from "@/components/ui/notice";

import { SelectField, TextField } from "@/components/form/field";
import { FilterForm } from "@/components/form/filter-form";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { campaignsMessages as t } from "@/messages/fr/campaigns";
import { formatDate } from "@/messages/fr/format";

import { formatCampaignCode } from "../domain/campaign-code";
import { nameMentionsTargetProfile } from "../domain/campaign-name";
import type { CampaignListQuery } from "../schema";
import type { CampaignListPage } from "../types";

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
  justDeleted = false,
}: {
  query: CampaignListQuery;
  page: CampaignListPage;
  divisions: string[];
  hasLearners: boolean;
  justDeleted?: boolean;
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
            <Link href="/orga/campagnes/nouvelle/classes" className={buttonClass("outline")}>
              {t.createForEachClass}
            </Link>
          )}
          <Link href="/orga/campagnes/nouvelle" className={buttonClass("primary")}>
            {t.newCampaign}
          </Link>
        </div>
      </header>

      {justDeleted && <SuccessMessage>{t.settings.deleted}</SuccessMessage>}

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

      <FilterForm
        action="/orga/campagnes"
        submitLabel={t.filters.submit}
        resetHref={hrefWith(query, { q: "", division: "" })}
        resetLabel={t.filters.reset}
        className="md:grid-cols-3"
      >
        {query.tab !== "all" && <input type="hidden" name="tab" value={query.tab} />}
        {query.status !== "active" && <input type="hidden" name="status" value={query.status} />}
        <TextField id="campaigns-q" name="q" type="search" label={t.filters.name} defaultValue={query.q} />
        <SelectField id="campaigns-division" name="division" label={t.filters.division} defaultValue={query.division}>
          <option value="">{t.filters.allDivisions}</option>
          {divisions.map((division) => (
            <option key={division} value={division}>
              {division}
            </option>
          ))}
        </SelectField>
      </FilterForm>

      <p role="status" className="font-semibold">
        {t.count(page.total)}
      </p>

      <DataTable
        caption={t.tableCaption}
        rows={page.rows}
        rowKey={(row) => row.id}
        empty={
          isFiltered
            ? t.emptyFilters
            : query.status === "archived"
              ? t.emptyArchived
              : hasLearners
                ? t.emptyActive
                : t.emptyNoLearners
        }
        columns={[
          {
            // The widest column; the parcours is said under the name unless the name already says it.
            key: "name",
            header: t.columns.name,
            className: "w-full min-w-56",
            cell: (row) => (
              <>
                <Link href={`/orga/campagnes/${row.id}`} className="font-semibold text-primary underline">
                  {row.name}
                </Link>
                {!nameMentionsTargetProfile(row.name, row.targetProfileName) && (
                  <span className="block text-muted">{t.targetProfileOf(row.targetProfileName)}</span>
                )}
              </>
            ),
          },
          {
            key: "code",
            header: t.columns.code,
            className: "font-mono whitespace-nowrap",
            cell: (row) => formatCampaignCode(row.code),
          },
          {
            key: "division",
            header: t.columns.division,
            className: "whitespace-nowrap",
            cell: (row) => row.division ?? t.schoolWide,
          },
          {
            key: "owner",
            header: t.columns.owner,
            className: "whitespace-nowrap",
            cell: (row) => (
              <>
                {row.owner.firstName} {row.owner.lastName}
              </>
            ),
          },
          {
            key: "createdAt",
            header: t.columns.createdAt,
            className: "whitespace-nowrap",
            cell: (row) => formatDate(row.createdAt),
          },
          { key: "participants", header: t.columns.participants, align: "right", cell: (row) => row.participantCount },
          { key: "shared", header: t.columns.shared, align: "right", cell: (row) => row.sharedCount },
        ]}
      />

      <Pagination
        basePath="/orga/campagnes"
        params={{
          tab: query.tab === "all" ? undefined : query.tab,
          status: query.status === "active" ? undefined : query.status,
          q: query.q,
          division: query.division,
        }}
        page={page.page}
        pageCount={page.pageCount}
        labels={t.pagination}
      />
    </div>
  );
}
