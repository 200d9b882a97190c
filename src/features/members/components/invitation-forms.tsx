"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useSubmittedValues } from "@/components/form/use-submitted-values";
import { membersMessages as m } from "@/messages/fr/members";

import {
  acceptInvitationAsCurrentUserAction,
  acceptInvitationWithNewAccountAction,
  acceptInvitationWithSignInAction,
} from "../invitations/actions";
import { NewPasswordFields } from "./new-password-fields";

const createIds = {
  firstName: "create-firstName",
  lastName: "create-lastName",
  email: "create-email",
  password: "create-password",
  passwordConfirmation: "create-passwordConfirmation",
};
const createLabels = {
  firstName: m.fields.firstName,
  lastName: m.fields.lastName,
  email: m.fields.email,
  password: m.fields.password,
  passwordConfirmation: m.fields.passwordConfirmation,
};

/** The account is created with the invited address: shown read-only, not sent (the server reads it from the invitation). */
export function CreateAccountForm({ token, invitedEmail }: { token: string; invitedEmail: string }) {
  const [state, formAction, isPending] = useActionState(acceptInvitationWithNewAccountAction, idle);
  const { values, onSubmit } = useSubmittedValues({});
  const errors = fieldErrorsOf(state);
  const bind = (field: string) => ({ defaultValue: values[field] ?? "" });
  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-labelledby="create-account-title"
    >
      <ErrorSummary state={state} labels={createLabels} fieldIds={createIds} />
      <input type="hidden" name="token" value={token} />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id={createIds.firstName}
          name="firstName"
          label={m.fields.firstName}
          autoComplete="given-name"
          required
          errors={errors.firstName}
          {...bind("firstName")}
        />
        <TextField
          id={createIds.lastName}
          name="lastName"
          label={m.fields.lastName}
          autoComplete="family-name"
          required
          errors={errors.lastName}
          {...bind("lastName")}
        />
      </div>
      <TextField
        id={createIds.email}
        type="email"
        label={m.fields.email}
        hint={m.invitation.createAccountEmailHint}
        autoComplete="username"
        readOnly
        controlClassName="bg-slate-100"
        defaultValue={invitedEmail}
        errors={errors.email}
      />
      <NewPasswordFields idPrefix="create" errors={errors} label={m.fields.password} />
      <SubmitButton pending={isPending}>{m.invitation.createAccountSubmit}</SubmitButton>
    </form>
  );
}

const signInIds = { email: "join-email", password: "join-password" };
const signInLabels = { email: m.fields.email, password: m.fields.password };

/** Only the invited address's account can accept: its e-mail is fixed, the password is asked. */
export function SignInAndAcceptForm({ token, invitedEmail }: { token: string; invitedEmail: string }) {
  const [state, formAction, isPending] = useActionState(acceptInvitationWithSignInAction, idle);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} noValidate className="space-y-5" aria-labelledby="sign-in-join-title">
      <ErrorSummary state={state} labels={signInLabels} fieldIds={signInIds} />
      <input type="hidden" name="token" value={token} />
      <TextField
        id={signInIds.email}
        name="email"
        type="email"
        label={m.fields.email}
        hint={m.invitation.signInEmailHint}
        autoComplete="username"
        readOnly
        controlClassName="bg-slate-100"
        defaultValue={invitedEmail}
        errors={errors.email}
      />
      <TextField
        id={signInIds.password}
        name="password"
        type="password"
        label={m.fields.password}
        autoComplete="current-password"
        required
        errors={errors.password}
      />
      <SubmitButton pending={isPending}>{m.invitation.signInSubmit}</SubmitButton>
    </form>
  );
}

export function AcceptAsCurrentUserForm({ token }: { token: string }) {
  const [state, formAction, isPending] = useActionState(acceptInvitationAsCurrentUserAction, idle);
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={isPending}>{m.invitation.acceptSubmit}</SubmitButton>
    </form>
  );
}
