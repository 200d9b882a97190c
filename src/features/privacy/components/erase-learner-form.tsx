"use client";

import { useActionState } from "react";

import { FieldError } from "@/components/form/field";
import { describedBy, fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { privacyMessages } from "@/messages/fr/privacy";

import { eraseLearnerAction } from "../actions";

const t = privacyMessages.erase;

/** The confirmation: a box to tick, then the danger button naming the learner. */
export function EraseLearnerForm({ learnerId, name }: { learnerId: number; name: string }) {
  const [state, formAction, isPending] = useActionState(eraseLearnerAction, idle);
  const errors = fieldErrorsOf(state).confirm;
  const errorId = errors?.length ? "confirm-error" : undefined;
  return (
    <form action={formAction} className="max-w-2xl space-y-4 rounded-md border-2 border-danger bg-danger-light p-4">
      <input type="hidden" name="learnerId" value={learnerId} />
      <div>
        <label className="flex items-start gap-2 font-semibold">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1 size-5"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(errorId)}
          />
          <span>{t.confirm(name)}</span>
        </label>
        <FieldError id={errorId} errors={errors} />
      </div>
      <SubmitButton pending={isPending} variant="danger">
        {t.submit(name)}
      </SubmitButton>
      {state.status === "error" && !errors?.length && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
