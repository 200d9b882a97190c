"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useSubmittedValues } from "@/components/form/use-submitted-values";
import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";

import { forgotPasswordAction } from "../password/actions";

const fieldIds = { email: "forgot-email" };
const labels = { email: m.fields.email };

export function ForgotPasswordForm() {
  const [state, formAction, isPending] = useActionState(forgotPasswordAction, idle);
  const { values, onSubmit } = useSubmittedValues();
  const errors = fieldErrorsOf(state);
  if (state.status === "success") return <SuccessMessage>{state.message}</SuccessMessage>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.email}
        name="email"
        type="email"
        label={m.fields.email}
        autoComplete="email"
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <SubmitButton pending={isPending}>{m.forgotPassword.submit}</SubmitButton>
    </form>
  );
}
