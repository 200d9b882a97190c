"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useSubmittedValues } from "@/components/form/use-submitted-values";
import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";

import { requestActivationAction } from "../actions";

const fieldIds = { uai: "activation-uai" };
const labels = { uai: m.fields.uai };

export function ActivationForm() {
  const [state, formAction, isPending] = useActionState(requestActivationAction, idle);
  const { values, onSubmit } = useSubmittedValues();
  const errors = fieldErrorsOf(state);
  if (state.status === "success") {
    return (
      <div className="space-y-3">
        <SuccessMessage>{m.activation.sent(state.data.maskedEmail)}</SuccessMessage>
        <p>{m.activation.sentNext}</p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.uai}
        name="uai"
        label={m.fields.uai}
        hint={m.fields.uaiHint}
        autoComplete="off"
        spellCheck={false}
        required
        maxLength={12}
        defaultValue={values.uai}
        errors={errors.uai}
        className="max-w-xs"
      />
      <SubmitButton pending={isPending}>{m.activation.submit}</SubmitButton>
    </form>
  );
}
