"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { SuccessMessage } from "@/components/ui/notice";
import { membersMessages as m } from "@/messages/fr/members";

import { changePasswordAction } from "../password/actions";
import { NewPasswordFields } from "./new-password-fields";

const fieldIds = {
  currentPassword: "account-currentPassword",
  password: "account-password",
  passwordConfirmation: "account-passwordConfirmation",
};
const labels = {
  currentPassword: m.fields.currentPassword,
  password: m.fields.newPassword,
  passwordConfirmation: m.fields.passwordConfirmation,
};

export function ChangePasswordForm() {
  const [state, formAction, isPending] = useActionState(changePasswordAction, idle);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      {state.status === "success" && <SuccessMessage>{state.message}</SuccessMessage>}
      <TextField
        id={fieldIds.currentPassword}
        name="currentPassword"
        type="password"
        label={m.fields.currentPassword}
        autoComplete="current-password"
        required
        errors={errors.currentPassword}
      />
      <NewPasswordFields idPrefix="account" errors={errors} />
      <SubmitButton pending={isPending}>{m.account.passwordSubmit}</SubmitButton>
    </form>
  );
}
