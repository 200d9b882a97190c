import { DataTable } from "@/components/ui/data-table";
import { siecleImportPage as t } from "@/messages/fr/siecle-import";
import { formatDateAtTime } from "@/messages/fr/format";

import type { ImportSummary } from "../types";

const statusClass: Record<ImportSummary["status"], string> = {
  IMPORTED: "text-success",
  VALIDATION_ERROR: "text-danger",
  FAILED: "text-danger",
};

export function ImportHistory({ history }: { history: ImportSummary[] }) {
  const c = t.historyColumns;
  return (
    <section aria-labelledby="import-history-title" className="space-y-3">
      <h2 id="import-history-title" className="text-2xl font-bold">
        {t.historyTitle}
      </h2>
      {history.length === 0 ? (
        <p className="text-muted">{t.historyEmpty}</p>
      ) : (
        <DataTable
          caption={t.historyTitle}
          region={false}
          rows={history}
          rowKey={(item) => item.id}
          columns={[
            {
              key: "date",
              header: c.date,
              className: "whitespace-nowrap",
              cell: (item) => formatDateAtTime(item.createdAt),
            },
            { key: "by", header: c.by, cell: (item) => item.authorName ?? t.operatorAuthor },
            { key: "file", header: c.file, className: "break-all", cell: (item) => item.fileName },
            {
              key: "status",
              header: c.status,
              cell: (item) => (
                <>
                  <span className={`font-semibold ${statusClass[item.status]}`}>{t.statusLabels[item.status]}</span>
                  {item.errorCount > 0 && (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-primary underline">
                        {t.showErrors(item.errorCount)}
                      </summary>
                      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                        {item.errors.map((error, index) => (
                          <li key={index}>{error.message}</li>
                        ))}
                      </ul>
                      {item.errorCount > item.errors.length && (
                        <p className="mt-1 text-sm text-muted">{t.moreErrors(item.errorCount - item.errors.length)}</p>
                      )}
                    </details>
                  )}
                </>
              ),
            },
            { key: "created", header: c.created, align: "right", cell: (item) => item.created },
            { key: "updated", header: c.updated, align: "right", cell: (item) => item.updated },
            { key: "disabled", header: c.disabled, align: "right", cell: (item) => item.disabled },
            { key: "skipped", header: c.skipped, align: "right", cell: (item) => item.skipped },
          ]}
        />
      )}
    </section>
  );
}
