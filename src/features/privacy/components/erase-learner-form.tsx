"use client";

import { ConfirmedDangerForm } from "@/components/form/confirmed-danger-form";
import { privacyMessages } from "@/messages/fr/privacy";

import { eraseLearnerAction } from "../actions";

const t = privacyMessages.erase;

/** The confirmation: a box to tick, then the danger button naming the learner. */
export function EraseLearnerForm({ learnerId, name }: { learnerId: number; name: string }) {
  return (
    <ConfirmedDangerForm action={eraseLearnerAction} confirmLabel={t.confirm(name)} submitLabel={t.submit(name)}>
      <input type="hidden" name="learnerId" value={learnerId} />
    </ConfirmedDangerForm>
  );
}
