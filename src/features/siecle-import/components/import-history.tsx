import { siecleImportPage as t } from "@/messages/fr/siecle-import";

import type { ImportSummary } from "../types";
import { formatImportDate } from "./format";

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
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t.historyTitle}</caption>
            <thead className="sticky top-0 bg-slate-100">
              <tr>
                {[c.date, c.by, c.file, c.status, c.created, c.updated, c.disabled, c.skipped].map((label) => (
                  <th key={label} scope="col" className="px-3 py-2 font-semibold">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.map((item) => (
                <tr key={item.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 whitespace-nowrap">{formatImportDate(item.createdAt)}</td>
                  <td className="px-3 py-2">{item.authorName ?? t.operatorAuthor}</td>
                  <td className="px-3 py-2 break-all">{item.fileName}</td>
                  <td className="px-3 py-2">
                    <span className={`font-semibold ${statusClass[item.status]}`}>{t.statusLabels[item.status]}</span>
                    {item.errorCount > 0 && (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-primary underline">{t.showErrors(item.errorCount)}</summary>
                        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                          {item.errors.map((error, index) => (
                            <li key={index}>{error.message}</li>
                          ))}
                        </ul>
                        {item.errorCount > item.errors.length && <p className="mt-1 text-sm text-muted">{t.moreErrors(item.errorCount - item.errors.length)}</p>}
                      </details>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right">{item.created}</td>
                  <td className="px-3 py-2 text-right">{item.updated}</td>
                  <td className="px-3 py-2 text-right">{item.disabled}</td>
                  <td className="px-3 py-2 text-right">{item.skipped}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
