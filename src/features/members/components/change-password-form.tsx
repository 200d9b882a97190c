"use client";

import { useActionState } from "react";

import { membersMessages as m } from "@/messages/fr/members";

import { changePasswordAction } from "../actions";
import { fieldErrorsOf, FormErrorSummary, idle, primaryButtonClass, SuccessMessage, TextField } from "./form-fields";
import { NewPasswordFields } from "./new-password-fields";

const fieldIds = { currentPassword: "account-currentPassword", password: "account-password", passwordConfirmation: "account-passwordConfirmation" };
const labels = { currentPassword: m.fields.currentPassword, password: m.fields.newPassword, passwordConfirmation: m.fields.passwordConfirmation };

export function ChangePasswordForm() {
  const [state, formAction, isPending] = useActionState(changePasswordAction, idle);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
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
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {m.account.passwordSubmit}
      </button>
    </form>
  );
}
