"use client";

import { useActionState, useState } from "react";

import { membersMessages as m } from "@/messages/fr/members";

import { forgotPasswordAction } from "../actions";
import { fieldErrorsOf, FormErrorSummary, idle, primaryButtonClass, SuccessMessage, TextField } from "./form-fields";

const fieldIds = { email: "forgot-email" };
const labels = { email: m.fields.email };

export function ForgotPasswordForm() {
  const [state, formAction, isPending] = useActionState(forgotPasswordAction, idle);
  const [email, setEmail] = useState("");
  const errors = fieldErrorsOf(state);
  if (state.status === "success") return <SuccessMessage>{state.message}</SuccessMessage>;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.email}
        name="email"
        type="email"
        label={m.fields.email}
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        errors={errors.email}
      />
      <button type="submit" className={primaryButtonClass} disabled={isPending}>
        {m.forgotPassword.submit}
      </button>
    </form>
  );
}
