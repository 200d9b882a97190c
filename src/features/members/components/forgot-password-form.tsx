"use client";

import { useActionState } from "react";

import { membersMessages as m } from "@/messages/fr/members";

import { forgotPasswordAction } from "../actions";
import { fieldErrorsOf, FormErrorSummary, idle, primaryButtonClass, SuccessMessage, TextField, useSubmittedValues } from "./form-fields";

const fieldIds = { email: "forgot-email" };
const labels = { email: m.fields.email };

export function ForgotPasswordForm() {
  const [state, formAction, isPending] = useActionState(forgotPasswordAction, idle);
  const { values, onSubmit } = useSubmittedValues();
  const errors = fieldErrorsOf(state);
  if (state.status === "success") return <SuccessMessage>{state.message}</SuccessMessage>;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <FormErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
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
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {m.forgotPassword.submit}
      </button>
    </form>
  );
}
