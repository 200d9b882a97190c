import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { learnersMessages } from "@/messages/fr/learners";
import { formatDateTime } from "@/messages/fr/format";

import type { IdoReplacementRow } from "../types";

const t = learnersMessages.idoReplacements;

/** On the Élèves page, for ADMINs. */
export function IdoReplacementsLink() {
  return (
    <p className="mt-2">
      <Link href="/orga/eleves/remplacements-ido" className="font-semibold text-primary underline">
        {t.link}
      </Link>
    </p>
  );
}

/** /orga/eleves/remplacements-ido: accepted and refused IDO replacements of the last 30 days. */
export function IdoReplacementsView({ rows }: { rows: IdoReplacementRow[] }) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-1 max-w-3xl text-muted">{t.intro}</p>
      </header>
      {rows.length === 0 ? (
        <EmptyState>{t.empty}</EmptyState>
      ) : (
        <DataTable
          caption={t.caption}
          rows={rows}
          rowKey={(row) => row.id}
          empty={t.empty}
          columns={[
            { key: "at", header: t.columns.at, cell: (row) => formatDateTime(row.at) },
            {
              key: "learner",
              header: t.columns.learner,
              cell: (row) => (row.learner ? `${row.learner.lastName} ${row.learner.firstName}` : t.unknownLearner),
              className: "font-semibold",
            },
            { key: "division", header: t.columns.division, cell: (row) => row.learner?.division ?? "" },
            { key: "outcome", header: t.columns.outcome, cell: (row) => (row.accepted ? t.accepted : t.refused) },
            { key: "reason", header: t.columns.reason, cell: (row) => (row.reason ? t.reasons[row.reason] : "") },
          ]}
        />
      )}
      <Link href="/orga/eleves" className="font-semibold text-primary underline">
        {t.back}
      </Link>
    </div>
  );
}
