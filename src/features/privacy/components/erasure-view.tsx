import Link from "next/link";

import { privacyMessages } from "@/messages/fr/privacy";

import type { ErasureCandidate } from "../types";
import { EraseLearnerForm } from "./erase-learner-form";

const t = privacyMessages.erase;

function formatBirthdate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** /orga/eleves/[id]/effacement: who will be erased, what it does, the confirmation. */
export function ErasureView({ learner, canExport }: { learner: ErasureCandidate; canExport: boolean }) {
  const name = `${learner.firstName} ${learner.lastName}`;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2 max-w-3xl">{t.intro}</p>
      </header>
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t.summary.name}</dt>
        <dd>{name}</dd>
        <dt className="font-semibold">{t.summary.birthdate}</dt>
        <dd>{formatBirthdate(learner.birthdate)}</dd>
        <dt className="font-semibold">{t.summary.division}</dt>
        <dd>{learner.division}</dd>
        <dt className="font-semibold">{t.summary.participations}</dt>
        <dd>{learner.participationCount}</dd>
        <dt className="font-semibold">{t.summary.account}</dt>
        <dd>{learner.hasAccount ? t.summary.accountYes : t.summary.accountNo}</dd>
      </dl>
      {canExport && (
        <p>
          {t.exportFirst} {/* A plain link, never prefetched: each export is a read that is audit-logged. */}
          <a href={`/orga/eleves/${learner.id}/export`} download className="font-semibold text-primary underline">
            {privacyMessages.export.linkFor(name)}
          </a>
        </p>
      )}
      <p className="max-w-3xl text-muted">{t.reimport}</p>
      <EraseLearnerForm learnerId={learner.id} name={name} />
      <p>
        <Link href="/orga/eleves" className="font-semibold text-primary underline">
          {t.cancel}
        </Link>
      </p>
    </div>
  );
}
