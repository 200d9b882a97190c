"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { FieldError } from "@/components/form/field";
import { describedBy, fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { membersMessages as m } from "@/messages/fr/members";

import { acceptCguAction } from "../sign-in/actions";

const fieldIds = { accept: "cgu-accept" };
const labels = { accept: m.fields.acceptCgu };

export function CguForm() {
  const [state, formAction, isPending] = useActionState(acceptCguAction, idle);
  const errors = fieldErrorsOf(state);
  const errorId = errors.accept?.length ? "cgu-accept-error" : undefined;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <div>
        <div className="flex items-start gap-3">
          <input
            id={fieldIds.accept}
            name="accept"
            type="checkbox"
            required
            aria-invalid={errorId ? true : undefined}
            aria-describedby={describedBy(errorId)}
            className="mt-1 size-5 shrink-0 accent-primary"
          />
          <label htmlFor={fieldIds.accept} className="font-semibold">
            {m.fields.acceptCgu}
          </label>
        </div>
        <FieldError id={errorId} errors={errors.accept} />
      </div>
      <SubmitButton pending={isPending}>{m.cgu.submit}</SubmitButton>
    </form>
  );
}
