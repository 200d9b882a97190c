"use client";

import Link from "next/link";
import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useSubmittedValues } from "@/components/form/use-submitted-values";
import { membersMessages as m } from "@/messages/fr/members";

import { signInAction } from "../sign-in/actions";

const fieldIds = { email: "signin-email", password: "signin-password" };
const labels = { email: m.fields.email, password: m.fields.password };

export function SignInForm() {
  const [state, formAction, isPending] = useActionState(signInAction, idle);
  const { values, onSubmit } = useSubmittedValues();
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={labels} fieldIds={fieldIds} />
      <TextField
        id={fieldIds.email}
        name="email"
        type="email"
        label={m.fields.email}
        autoComplete="username"
        required
        defaultValue={values.email}
        errors={errors.email}
      />
      <TextField
        id={fieldIds.password}
        name="password"
        type="password"
        label={m.fields.password}
        autoComplete="current-password"
        required
        errors={errors.password}
      />
      <div className="flex flex-wrap items-center justify-between gap-4">
        <SubmitButton pending={isPending}>{m.signIn.submit}</SubmitButton>
        <Link href="/orga/mot-de-passe-oublie" className="font-semibold text-primary underline">
          {m.signIn.forgotPassword}
        </Link>
      </div>
    </form>
  );
}
