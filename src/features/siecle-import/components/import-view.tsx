import { siecleImportPage as t } from "@/messages/fr/siecle-import";
import { formatDateAtTime } from "@/messages/fr/format";

import type { ImportSummary } from "../types";
import { ImportForm } from "./import-form";
import { ImportHistory } from "./import-history";

export function ImportView({
  canImport,
  lastImport,
  history,
}: {
  canImport: boolean;
  lastImport: ImportSummary | null;
  history: ImportSummary[];
}) {
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2 text-muted">{t.intro}</p>
      </header>

      {lastImport ? (
        <section
          aria-label={t.lastImportLabel}
          className="rounded-lg border-2 border-success bg-success-light p-4"
          data-testid="last-import-banner"
        >
          <p className="text-lg font-semibold text-success">
            {t.importedBanner(formatDateAtTime(lastImport.createdAt), lastImport.authorName ?? t.operatorAuthor)}
          </p>
          <p className="mt-1">{t.importedCounts(lastImport)}</p>
          {lastImport.divisions.length > 0 && (
            <p className="mt-1 text-muted">{t.classesSummary(lastImport.divisions.length)}</p>
          )}
        </section>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t.noImportYet}</p>
      )}

      {canImport ? (
        <ImportForm />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4">{t.memberReadOnly}</p>
      )}

      <ImportHistory history={history} />
    </div>
  );
}
