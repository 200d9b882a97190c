import Link from "next/link";

import { DataTable } from "@/components/ui/data-table";
import { formatDate, formatDateAtTime } from "@/messages/fr/format";
import { learnersMessages } from "@/messages/fr/learners";

import type { LearnerDetail } from "../types";
import { DissociateLearnerCell } from "./dissociate-learner";
import { LearnerDataLinks } from "./learner-data-links";
import { RevealIne } from "./reveal-ine";

const t = learnersMessages.detail;

function formatBirthdate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** /orga/eleves/[id]: who the learner is, how they connect, every participation with its result. */
export function LearnerDetailView({
  learner,
  canRevealIne,
  canDissociate,
  canExport,
  canErase,
}: {
  learner: LearnerDetail;
  canRevealIne: boolean;
  canDissociate: boolean;
  canExport: boolean;
  canErase: boolean;
}) {
  const displayLastName = learner.preferredLastName ?? learner.lastName;
  const name = `${learner.firstName} ${displayLastName}`;
  const givenNames = [learner.firstName, learner.middleName, learner.thirdName].filter(Boolean).join(", ");
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/orga/eleves" className="font-semibold text-primary underline">
            ← {t.back}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">
          {displayLastName} {learner.firstName}
        </h1>
        {learner.isDisabled && (
          <p className="font-semibold text-danger" role="note">
            {t.disabled}
          </p>
        )}
      </header>

      <section aria-labelledby="identity-title" className="space-y-3">
        <h2 id="identity-title" className="text-xl font-bold">
          {t.identityTitle}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t.lastName}</dt>
          <dd>{learner.lastName}</dd>
          {learner.preferredLastName && (
            <>
              <dt className="font-semibold">{t.preferredLastName}</dt>
              <dd>{learner.preferredLastName}</dd>
            </>
          )}
          <dt className="font-semibold">{t.firstNames}</dt>
          <dd>{givenNames}</dd>
          <dt className="font-semibold">{t.birthdate}</dt>
          <dd>{formatBirthdate(learner.birthdate)}</dd>
          <dt className="font-semibold">{t.division}</dt>
          <dd>{learner.division}</dd>
          <dt className="font-semibold">{t.ine}</dt>
          <dd>
            <RevealIne learnerId={learner.id} name={name} maskedIne={learner.maskedIne} canReveal={canRevealIne} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="connection-title" className="space-y-3">
        <h2 id="connection-title" className="text-xl font-bold">
          {t.connectionTitle}
        </h2>
        <dl className="grid max-w-3xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
          <dt className="font-semibold">{t.connection}</dt>
          <dd>{learner.connection === "GAR" ? t.connectionGar : t.connectionNone}</dd>
          <dt className="font-semibold">{t.lastConnection}</dt>
          <dd>{learner.lastConnectionAt ? formatDateAtTime(learner.lastConnectionAt) : t.never}</dd>
        </dl>
      </section>

      <section aria-labelledby="participations-title" className="space-y-3">
        <h2 id="participations-title" className="text-xl font-bold">
          {t.participationsTitle}
        </h2>
        <DataTable
          caption={t.participationsCaption}
          rows={learner.participations}
          rowKey={(row) => row.participationId}
          empty={t.noParticipation}
          bounded={false}
          region={false}
          columns={[
            {
              key: "campaign",
              header: t.columns.campaign,
              isRowHeader: true,
              cell: (row) => (
                <>
                  <Link href={`/orga/campagnes/${row.campaignId}`} className="font-semibold text-primary underline">
                    {row.campaignName}
                  </Link>
                  {row.isEarlierAttempt && <span className="ml-2 text-sm text-muted">({t.earlierAttempt})</span>}
                </>
              ),
            },
            { key: "status", header: t.columns.status, cell: (row) => t.statuses[row.status] },
            { key: "progress", header: t.columns.progress, align: "right", cell: (row) => t.percent(row.progress) },
            {
              key: "mastery",
              header: t.columns.mastery,
              align: "right",
              cell: (row) =>
                row.masteryRate === null ? (
                  <span className="text-muted">{t.masteryNotShared}</span>
                ) : (
                  t.percent(Math.round(row.masteryRate * 100))
                ),
            },
            { key: "startedAt", header: t.columns.startedAt, cell: (row) => formatDate(row.startedAt) },
            {
              key: "result",
              header: t.columns.result,
              cell: (row) => (
                <Link
                  href={`/orga/campagnes/${row.campaignId}/participants/${row.participationId}`}
                  className="font-semibold text-primary underline"
                >
                  {t.seeResult}
                  <span className="sr-only"> {t.seeResultOf(row.campaignName)}</span>
                </Link>
              ),
            },
          ]}
        />
      </section>

      {(canDissociate || canExport || canErase) && (
        <section aria-labelledby="actions-title" className="space-y-3">
          <h2 id="actions-title" className="text-xl font-bold">
            {t.actionsTitle}
          </h2>
          <dl className="grid max-w-3xl grid-cols-[max-content_1fr] items-start gap-x-6 gap-y-3">
            {canDissociate && learner.hasJoined && (
              <>
                <dt className="font-semibold">{t.accountAction}</dt>
                <dd>
                  <DissociateLearnerCell
                    learnerId={learner.id}
                    name={name}
                    hasJoined={learner.hasJoined}
                    canDissociate={canDissociate}
                  />
                </dd>
              </>
            )}
            {(canExport || canErase) && (
              <>
                <dt className="font-semibold">{t.dataAction}</dt>
                <dd>
                  <LearnerDataLinks learnerId={learner.id} name={name} canExport={canExport} canErase={canErase} />
                </dd>
              </>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
