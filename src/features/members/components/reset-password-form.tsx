"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { membersMessages as m } from "@/messages/fr/members";

import { resetPasswordAction } from "../password/actions";
import { NewPasswordFields } from "./new-password-fields";

const fieldIds = { password: "reset-password", passwordConfirmation: "reset-passwordConfirmation" };
const labels = { password: m.fields.newPassword, passwordConfirmation: m.fields.passwordConfirmation };

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(resetPasswordAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields idPrefix="reset" errors={fieldErrorsOf(state)} />
      <SubmitButton pending={isPending}>{m.resetPassword.submit}</SubmitButton>
    </form>
  );
}
