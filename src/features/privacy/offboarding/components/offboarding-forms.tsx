"use client";

import { useActionState } from "react";

import { FieldError } from "@/components/form/field";
import { describedBy, fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { privacyMessages } from "@/messages/fr/privacy";

import { cancelOffboardingAction, requestOffboardingAction } from "../actions";

const t = privacyMessages.offboarding;

/** The request: a box naming the school, its UAI and the erasure date, then the danger button. */
export function RequestOffboardingForm({ school, uai, eraseOn }: { school: string; uai: string; eraseOn: Date }) {
  const [state, formAction, isPending] = useActionState(requestOffboardingAction, idle);
  const errors = fieldErrorsOf(state).confirm;
  const errorId = errors?.length ? "confirm-error" : undefined;
  return (
    <form action={formAction} className="max-w-2xl space-y-4 rounded-md border-2 border-danger bg-danger-light p-4">
      <div>
        <label className="flex items-start gap-2 font-semibold">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1 size-5"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(errorId)}
          />
          <span>{t.confirm(school, uai, eraseOn)}</span>
        </label>
        <FieldError id={errorId} errors={errors} />
      </div>
      <SubmitButton pending={isPending} variant="danger">
        {t.submit(school)}
      </SubmitButton>
      {state.status === "error" && !errors?.length && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
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
