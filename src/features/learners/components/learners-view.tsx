import Link from "next/link";
import type { ReactNode } from "react";

import { FilterForm } from "@/components/form/filter-form";
import { SelectField, TextField } from "@/components/form/field";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { SuccessMessage } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { accountsText } from "@/messages/fr/student-accounts";
import { learnersMessages as t } from "@/messages/fr/learners";
import { formatDate } from "@/messages/fr/format";
import { privacyMessages as privacyText } from "@/messages/fr/privacy";

import type { LearnerListQuery } from "../schema";
import type { LearnerPage } from "../types";
import { DissociateLearnerCell } from "./dissociate-learner";
import { LearnerDataLinks } from "./learner-data-links";
import { IdoReplacementsLink } from "./ido-replacements";

function formatBirthdate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

export function LearnersView({
  query,
  page,
  divisions,
  hasLearners,
  canImport,
  blockedStudents,
  blockedLearnerIds = [],
  canDissociate = false,
  canSeeIdoReplacements = false,
  canExport = false,
  canErase = false,
  canSearchIne = false,
  justErased = false,
}: {
  query: LearnerListQuery;
  page: LearnerPage;
  divisions: string[];
  hasLearners: boolean;
  canImport: boolean;
  /** Pupils blocked by wrong birth dates (accounts feature), shown above the list. */
  blockedStudents?: ReactNode;
  /** Learners those blocked pupils were recognised as (their GAR names fit exactly one). */
  blockedLearnerIds?: number[];
  canDissociate?: boolean;
  canSeeIdoReplacements?: boolean;
  /** A learner's export and erasure (privacy feature, ADMIN). */
  canExport?: boolean;
  canErase?: boolean;
  /** A whole INE typed in the search finds its learner (ADMINs). */
  canSearchIne?: boolean;
  justErased?: boolean;
}) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-1 text-muted">{t.intro}</p>
        {canSeeIdoReplacements && <IdoReplacementsLink />}
      </header>

      {justErased && <SuccessMessage>{privacyText.erase.done}</SuccessMessage>}

      {blockedStudents}

      {!hasLearners ? (
        <EmptyState
          action={
            canImport && (
              <Link href="/orga/eleves/import" className={buttonClass("primary")}>
                {t.importLink}
              </Link>
            )
          }
        >
          {t.emptySchool}
        </EmptyState>
      ) : (
        <>
          <FilterForm
            action="/orga/eleves"
            submitLabel={t.filter}
            resetHref="/orga/eleves"
            resetLabel={t.reset}
            className="md:grid-cols-5"
            actionsClassName="md:col-span-5"
          >
            <TextField
              id="learners-q"
              name="q"
              type="search"
              label={t.searchLabel}
              defaultValue={query.q}
              placeholder={canSearchIne ? t.searchPlaceholderWithIne : t.searchPlaceholder}
              className="md:col-span-2"
            />
            <SelectField id="learners-division" name="division" label={t.divisionLabel} defaultValue={query.division}>
              <option value="">{t.allDivisions}</option>
              {divisions.map((division) => (
                <option key={division} value={division}>
                  {division}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="learners-connection"
              name="connection"
              label={t.connectionLabel}
              defaultValue={query.connection}
            >
              <option value="">{t.connectionAll}</option>
              <option value="GAR">{t.connectionGar}</option>
              <option value="NONE">{t.connectionNone}</option>
            </SelectField>
            <SelectField id="learners-joined" name="joined" label={t.joinedLabel} defaultValue={query.joined}>
              <option value="">{t.joinedAll}</option>
              <option value="yes">{t.joinedYes}</option>
              <option value="no">{t.joinedNo}</option>
            </SelectField>
          </FilterForm>

          <p role="status" className="font-semibold">
            {t.count(page.total)}
          </p>

          {/* One scroll: the page's (a bounded box inside the scrolling page made two). */}
          <DataTable
            caption={t.tableCaption}
            bounded={false}
            rows={page.rows}
            rowKey={(row) => row.id}
            empty={t.emptyFilters}
            columns={[
              {
                key: "lastName",
                header: t.columns.lastName,
                cell: (row) => (
                  <>
                    <Link href={`/orga/eleves/${row.id}`} prefetch={false} className="text-primary underline">
                      {row.lastName}
                    </Link>
                    {blockedLearnerIds.includes(row.id) && (
                      <span className="ml-2 rounded bg-danger-light px-2 py-0.5 text-sm text-danger">
                        {accountsText.lockouts.badge}
                      </span>
                    )}
                    {row.birthLastName && (
                      <span className="block text-sm font-normal text-muted">{t.birthName(row.birthLastName)}</span>
                    )}
                    {row.matchedBy.length > 0 && (
                      <span className="block text-sm font-normal italic" data-testid="search-match">
                        {row.matchedBy.map((reason) => t.matchedBy[reason]).join(", ")}
                      </span>
                    )}
                  </>
                ),
                className: "font-semibold",
              },
              { key: "firstName", header: t.columns.firstName, cell: (row) => row.firstName },
              { key: "birthdate", header: t.columns.birthdate, cell: (row) => formatBirthdate(row.birthdate) },
              { key: "division", header: t.columns.division, cell: (row) => row.division },
              {
                key: "connection",
                header: t.columns.connection,
                cell: (row) => (row.connection === "GAR" ? t.connectionGar : t.connectionNone),
              },
              {
                key: "participations",
                header: t.columns.participations,
                cell: (row) => row.participationCount,
                align: "right",
              },
              {
                key: "lastParticipation",
                header: t.columns.lastParticipation,
                cell: (row) => (row.lastParticipationAt ? formatDate(row.lastParticipationAt) : t.none),
              },
              {
                key: "account",
                header: t.dissociate.column,
                cell: (row) => (
                  <DissociateLearnerCell
                    learnerId={row.id}
                    name={`${row.firstName} ${row.lastName}`}
                    hasJoined={row.hasJoined}
                    canDissociate={canDissociate}
                  />
                ),
              },
              ...(canExport || canErase
                ? [
                    {
                      key: "data",
                      header: privacyText.column,
                      cell: (row: (typeof page.rows)[number]) => (
                        <LearnerDataLinks
                          learnerId={row.id}
                          name={`${row.firstName} ${row.lastName}`}
                          canExport={canExport}
                          canErase={canErase}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />

          <Pagination
            basePath="/orga/eleves"
            params={{ q: query.q, division: query.division, connection: query.connection, joined: query.joined }}
            page={page.page}
            pageCount={page.pageCount}
            labels={t.pagination}
          />
        </>
      )}
    </div>
  );
}
