import { SuccessMessage } from "@/components/ui/notice";
import { privacyMessages } from "@/messages/fr/privacy";

import { retentionEnd } from "../../domain/retention";
import { RETENTION_RULES } from "../../inventory";
import type { OffboardingStatus } from "../types";
import { CancelOffboardingForm, RequestOffboardingForm } from "./offboarding-forms";

const t = privacyMessages.offboarding;

/** /orga/etablissement/depart: the export first, then the request naming the school — or the pending request and its cancellation. */
export function OffboardingView({
  status,
  canExport,
  now,
  justCancelled,
}: {
  status: OffboardingStatus;
  canExport: boolean;
  now: Date;
  justCancelled: boolean;
}) {
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2 max-w-3xl">{t.intro}</p>
      </header>
      {justCancelled && !status.pending && <SuccessMessage>{t.cancelled}</SuccessMessage>}
      {status.pending ? (
        <section
          aria-labelledby="offboarding-pending"
          className="max-w-3xl space-y-3 rounded-md border-2 border-danger bg-danger-light p-4"
        >
          <h2 id="offboarding-pending" className="text-xl font-bold">
            {t.pendingTitle}
          </h2>
          <p>{t.pending(status.name, status.pending.requestedAt, status.pending.eraseOn)}</p>
          <p>{t.cancelText}</p>
          <CancelOffboardingForm school={status.name} />
        </section>
      ) : (
        <>
          {canExport && (
            <section aria-labelledby="offboarding-export" className="max-w-3xl space-y-2">
              <h2 id="offboarding-export" className="text-xl font-bold">
                {t.exportTitle}
              </h2>
              <p>{t.exportText(status.learnerCount)}</p>
              {/* A plain link, never prefetched: each export is a read that is audit-logged. */}
              <a href="/orga/etablissement/export" download className="font-semibold text-primary underline">
                {t.exportLink(status.name)}
              </a>
            </section>
          )}
          <section aria-labelledby="offboarding-request" className="space-y-2">
            <h2 id="offboarding-request" className="text-xl font-bold">
              {t.requestTitle}
            </h2>
            <RequestOffboardingForm
              school={status.name}
              uai={status.uai}
              eraseOn={retentionEnd(now, RETENTION_RULES.offboardedSchools.period)}
            />
          </section>
        </>
      )}
    </div>
  );
}
