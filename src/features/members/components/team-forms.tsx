"use client";

import { useActionState, useEffect } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField, TextareaField } from "@/components/form/field";
import { fieldErrorsOf, idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { useSubmittedValues } from "@/components/form/use-submitted-values";
import { buttonClass } from "@/components/ui/button";
import { SuccessMessage } from "@/components/ui/notice";
import type { ActionState } from "@/lib/action";
import { membersMessages as m } from "@/messages/fr/members";

import { cancelInvitationAction, inviteMembersAction, resendInvitationAction } from "../invitations/actions";
import { changeMemberRoleAction, leaveSchoolAction, removeMemberAction, unblockMemberAction } from "../team/actions";
import type { MemberRole } from "../types";

const inviteIds = { emails: "invite-emails", role: "invite-role" };
const inviteLabels = { emails: m.fields.emails, role: m.fields.role };

export function InviteMembersForm() {
  const [state, formAction, isPending] = useActionState(inviteMembersAction, idle);
  const { values, setValues, onSubmit } = useSubmittedValues();
  useEffect(() => {
    if (state.status === "success") setValues({});
  }, [state, setValues]);
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <ErrorSummary state={state} labels={inviteLabels} fieldIds={inviteIds} />
      {state.status === "success" && (
        <SuccessMessage>
          {m.team.invitationsSent(state.data.invitedCount)}
          {state.data.alreadyMemberCount > 0 && <> {m.team.invitationsSkippedMembers(state.data.alreadyMemberCount)}</>}
        </SuccessMessage>
      )}
      <TextareaField
        id={inviteIds.emails}
        name="emails"
        label={m.fields.emails}
        hint={m.fields.emailsHint}
        rows={3}
        required
        defaultValue={values.emails ?? ""}
        errors={errors.emails}
      />
      <SelectField
        id={inviteIds.role}
        name="role"
        label={m.fields.role}
        defaultValue={values.role ?? "MEMBER"}
        className="max-w-xs"
      >
        <option value="MEMBER">{m.roles.MEMBER}</option>
        <option value="ADMIN">{m.roles.ADMIN}</option>
      </SelectField>
      <SubmitButton pending={isPending}>{m.team.inviteSubmit}</SubmitButton>
    </form>
  );
}

/** A row action's outcome, announced next to the buttons. */
function RowStatus({ state }: { state: ActionState<unknown> }) {
  return (
    <p
      role="status"
      aria-live="polite"
      className={state.status === "error" ? "mt-1 font-semibold text-danger" : "mt-1 text-success"}
    >
      {state.status === "error" ? state.message : state.status === "success" ? state.message : ""}
    </p>
  );
}

export function ChangeRoleForm({ memberId, role, name }: { memberId: number; role: MemberRole; name: string }) {
  const [state, formAction, isPending] = useActionState(changeMemberRoleAction, idle);
  const id = `role-${memberId}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="memberId" value={memberId} />
      <div>
        <label htmlFor={id} className="sr-only">
          {m.team.changeRoleFor(name)}
        </label>
        <select
          id={id}
          name="role"
          defaultValue={role}
          className="block rounded-md border border-slate-500 bg-white px-2 py-2"
        >
          <option value="MEMBER">{m.roles.MEMBER}</option>
          <option value="ADMIN">{m.roles.ADMIN}</option>
        </select>
      </div>
      <SubmitButton
        pending={isPending}
        variant="secondary"
        aria-label={`${m.team.saveRole} : ${m.team.changeRoleFor(name)}`}
      >
        {m.team.saveRole}
      </SubmitButton>
      <RowStatus state={state} />
    </form>
  );
}

export function RemoveMemberForm({ memberId, name }: { memberId: number; name: string }) {
  const [state, formAction, isPending] = useActionState(removeMemberAction, idle);
  return (
    <details>
      <summary className={`${buttonClass("danger")} cursor-pointer list-none`}>
        {m.team.remove}
        <span className="sr-only"> : {name}</span>
      </summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md border border-danger bg-danger-light p-3">
        <input type="hidden" name="memberId" value={memberId} />
        <p>{m.team.removeConfirm}</p>
        <SubmitButton pending={isPending} variant="danger">
          {m.team.removeFor(name)}
        </SubmitButton>
        <RowStatus state={state} />
      </form>
    </details>
  );
}

/** Leaving the current school (any member; refused to its last ADMIN). */
export function LeaveSchoolForm({ schoolName }: { schoolName: string }) {
  const [state, formAction, isPending] = useActionState(leaveSchoolAction, idle);
  return (
    <details>
      <summary className={`${buttonClass("danger")} cursor-pointer list-none`}>{m.team.leave}</summary>
      <form action={formAction} className="mt-2 space-y-2 rounded-md border border-danger bg-danger-light p-3">
        <p>{m.team.leaveConfirm(schoolName)}</p>
        <SubmitButton pending={isPending} variant="danger">
          {m.team.leaveSubmit}
        </SubmitButton>
        <RowStatus state={state} />
      </form>
    </details>
  );
}

export function UnblockMemberForm({ memberId, name }: { memberId: number; name: string }) {
  const [state, formAction, isPending] = useActionState(unblockMemberAction, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="memberId" value={memberId} />
      <SubmitButton pending={isPending} variant="secondary" aria-label={m.team.unblockFor(name)}>
        {m.team.unblock}
      </SubmitButton>
      <RowStatus state={state} />
    </form>
  );
}

export function InvitationActions({ invitationId, email }: { invitationId: number; email: string }) {
  const [resendState, resendAction, isResending] = useActionState(resendInvitationAction, idle);
  const [cancelState, cancelAction, isCancelling] = useActionState(cancelInvitationAction, idle);
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        <form action={resendAction}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton pending={isResending} variant="secondary" aria-label={`${m.team.resend} : ${email}`}>
            {m.team.resend}
          </SubmitButton>
        </form>
        <form action={cancelAction}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <SubmitButton pending={isCancelling} variant="danger" aria-label={`${m.team.cancel} : ${email}`}>
            {m.team.cancel}
          </SubmitButton>
        </form>
      </div>
      <RowStatus state={resendState.status !== "idle" ? resendState : cancelState} />
    </div>
  );
}
