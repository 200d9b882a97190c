import { FilterForm } from "@/components/form/filter-form";
import { SelectField, TextField } from "@/components/form/field";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { journalMessages as t } from "@/messages/fr/journal";

import type { JournalQuery } from "../schema";
import type { JournalEntry, JournalPage } from "../types";

/** /orga/journal: the school's audit entries, filtered by action and days. */
export function JournalView({
  page,
  actions,
  query,
  errors,
  typed,
}: {
  page: JournalPage;
  actions: string[];
  query: JournalQuery;
  errors: string[];
  typed: { action: string; from: string; to: string };
}) {
  const actionChoices = [...new Set([...actions, ...(typed.action ? [typed.action] : [])])].sort((a, b) =>
    t.actionLabel(a).localeCompare(t.actionLabel(b), "fr"),
  );
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2 max-w-3xl">{t.intro}</p>
      </header>
      {errors.length > 0 && (
        <div role="alert" className="rounded-md border-2 border-danger bg-danger-light p-4">
          <p className="font-semibold">{t.errorsTitle}</p>
          <ul className="list-disc pl-6">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      <FilterForm
        action="/orga/journal"
        submitLabel={t.filters.submit}
        resetHref="/orga/journal"
        resetLabel={t.filters.reset}
        className="md:grid-cols-4"
      >
        <SelectField id="journal-action" name="action" label={t.filters.action} defaultValue={typed.action}>
          <option value="">{t.filters.allActions}</option>
          {actionChoices.map((action) => (
            <option key={action} value={action}>
              {t.actionLabel(action)}
            </option>
          ))}
        </SelectField>
        <TextField id="journal-from" name="from" type="date" label={t.filters.from} defaultValue={typed.from} />
        <TextField id="journal-to" name="to" type="date" label={t.filters.to} defaultValue={typed.to} />
      </FilterForm>
      <p aria-live="polite">{t.total(page.total)}</p>
      <DataTable<JournalEntry>
        caption={t.table.caption}
        rows={page.rows}
        rowKey={(row) => row.id}
        empty={t.empty}
        columns={[
          { key: "when", header: t.table.when, cell: (row) => t.when(row.createdAt), isRowHeader: true },
          { key: "action", header: t.table.action, cell: (row) => t.actionLabel(row.action) },
          { key: "actor", header: t.table.actor, cell: (row) => t.actorLabel(row.actor, row.role) },
          { key: "target", header: t.table.target, cell: (row) => t.targetLabel(row.targetType, row.targetId) },
          { key: "details", header: t.table.details, cell: (row) => (row.count === null ? "—" : t.count(row.count)) },
        ]}
      />
      <Pagination
        basePath="/orga/journal"
        params={{ action: query.action, from: query.from, to: query.to }}
        page={page.page}
        pageCount={page.pageCount}
        labels={t.pagination}
      />
    </div>
  );
}
