"use client";

import { useActionState } from "react";

import { ConfirmedDangerForm } from "@/components/form/confirmed-danger-form";
import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { privacyMessages } from "@/messages/fr/privacy";

import { cancelOffboardingAction, requestOffboardingAction } from "../actions";

const t = privacyMessages.offboarding;

/** The request: a box naming the school, its UAI and the erasure date, then the danger button. */
export function RequestOffboardingForm({ school, uai, eraseOn }: { school: string; uai: string; eraseOn: Date }) {
  return (
    <ConfirmedDangerForm
      action={requestOffboardingAction}
      confirmLabel={t.confirm(school, uai, eraseOn)}
      submitLabel={t.submit(school)}
    />
  );
}

export function CancelOffboardingForm({ school }: { school: string }) {
  const [state, formAction, isPending] = useActionState(cancelOffboardingAction, idle);
  return (
    <form action={formAction} className="space-y-3">
      <SubmitButton pending={isPending} variant="secondary">
        {t.cancelSubmit(school)}
      </SubmitButton>
      {state.status === "error" && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
