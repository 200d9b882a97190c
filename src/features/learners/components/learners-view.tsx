import Link from "next/link";

import { Pagination } from "@/components/ui/pagination";
import { learnersMessages as t } from "@/messages/fr/learners";

import type { LearnerListQuery } from "../schema";
import type { LearnerPage } from "../types";

const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });

function formatBirthdate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

const fieldClass = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2";

export function LearnersView({
  query,
  page,
  divisions,
  hasLearners,
  canImport,
}: {
  query: LearnerListQuery;
  page: LearnerPage;
  divisions: string[];
  hasLearners: boolean;
  canImport: boolean;
}) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-1 text-muted">{t.intro}</p>
      </header>

      {!hasLearners ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-lg">{t.emptySchool}</p>
          {canImport && (
            <Link href="/orga/eleves/import" className="mt-4 inline-block rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
              {t.importLink}
            </Link>
          )}
        </div>
      ) : (
        <>
          <form method="get" action="/orga/eleves" role="search" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
            <div className="md:col-span-2">
              <label htmlFor="learners-q" className="font-semibold">
                {t.searchLabel}
              </label>
              <input id="learners-q" name="q" type="search" defaultValue={query.q} placeholder={t.searchPlaceholder} className={fieldClass} />
            </div>
            <div>
              <label htmlFor="learners-division" className="font-semibold">
                {t.divisionLabel}
              </label>
              <select id="learners-division" name="division" defaultValue={query.division} className={fieldClass}>
                <option value="">{t.allDivisions}</option>
                {divisions.map((division) => (
                  <option key={division} value={division}>
                    {division}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="learners-connection" className="font-semibold">
                {t.connectionLabel}
              </label>
              <select id="learners-connection" name="connection" defaultValue={query.connection} className={fieldClass}>
                <option value="">{t.connectionAll}</option>
                <option value="GAR">{t.connectionGar}</option>
                <option value="NONE">{t.connectionNone}</option>
              </select>
            </div>
            <div>
              <label htmlFor="learners-joined" className="font-semibold">
                {t.joinedLabel}
              </label>
              <select id="learners-joined" name="joined" defaultValue={query.joined} className={fieldClass}>
                <option value="">{t.joinedAll}</option>
                <option value="yes">{t.joinedYes}</option>
                <option value="no">{t.joinedNo}</option>
              </select>
            </div>
            <div className="flex items-end gap-3 md:col-span-5">
              <button type="submit" className="rounded-md bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-dark">
                {t.filter}
              </button>
              <Link href="/orga/eleves" className="px-2 py-2 font-semibold text-primary underline">
                {t.reset}
              </Link>
            </div>
          </form>

          <p role="status" className="font-semibold">
            {t.count(page.total)}
          </p>

          {page.rows.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-6">{t.emptyFilters}</p>
          ) : (
            <div className="max-h-[70vh] overflow-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t.tableCaption} tabIndex={0}>
              <table className="w-full border-collapse text-left">
                <caption className="sr-only">{t.tableCaption}</caption>
                <thead className="sticky top-0 bg-slate-100">
                  <tr>
                    <th scope="col" className="px-4 py-3">{t.columns.lastName}</th>
                    <th scope="col" className="px-4 py-3">{t.columns.firstName}</th>
                    <th scope="col" className="px-4 py-3">{t.columns.birthdate}</th>
                    <th scope="col" className="px-4 py-3">{t.columns.division}</th>
                    <th scope="col" className="px-4 py-3">{t.columns.connection}</th>
                    <th scope="col" className="px-4 py-3 text-right">{t.columns.participations}</th>
                    <th scope="col" className="px-4 py-3">{t.columns.lastParticipation}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.rows.map((row) => (
                    <tr key={row.id} className="border-t border-slate-200">
                      <td className="px-4 py-2 font-semibold">{row.lastName}</td>
                      <td className="px-4 py-2">{row.firstName}</td>
                      <td className="px-4 py-2">{formatBirthdate(row.birthdate)}</td>
                      <td className="px-4 py-2">{row.division}</td>
                      <td className="px-4 py-2">{row.connection === "GAR" ? t.connectionGar : t.connectionNone}</td>
                      <td className="px-4 py-2 text-right">{row.participationCount}</td>
                      <td className="px-4 py-2">{row.lastParticipationAt ? dateFormat.format(row.lastParticipationAt) : t.none}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

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
