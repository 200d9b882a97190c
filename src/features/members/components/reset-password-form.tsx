"use client";

import { useActionState } from "react";

import { membersMessages as m } from "@/messages/fr/members";

import { resetPasswordAction } from "../actions";
import { fieldErrorsOf, FormErrorSummary, idle, primaryButtonClass } from "./form-fields";
import { NewPasswordFields } from "./new-password-fields";

const fieldIds = { password: "reset-password", passwordConfirmation: "reset-passwordConfirmation" };
const labels = { password: m.fields.newPassword, passwordConfirmation: m.fields.passwordConfirmation };

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(resetPasswordAction, idle);
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields idPrefix="reset" errors={fieldErrorsOf(state)} />
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {m.resetPassword.submit}
      </button>
    </form>
  );
}
