"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClass } from "@/components/ui/button";
import { campaignsMessages } from "@/messages/fr/campaigns";

import { allowRetryAction, deleteParticipationAction } from "../actions";

const t = campaignsMessages.participationManagement;

function ConfirmForm({
  action,
  open,
  confirm,
  submit,
  campaignId,
  participationId,
  variant,
}: {
  action: typeof deleteParticipationAction;
  open: string;
  confirm: string;
  submit: string;
  campaignId: number;
  participationId: number;
  variant: "danger" | "primary";
}) {
  const [state, formAction, isPending] = useActionState(action, idle);
  return (
    <div>
      <details>
        <summary className={`${buttonClass(variant === "danger" ? "danger" : "outline")} cursor-pointer list-none`}>
          {open}
        </summary>
        <form
          action={formAction}
          className="mt-3 max-w-xl space-y-3 rounded-md border border-slate-300 bg-slate-50 p-3"
        >
          <input type="hidden" name="campaignId" value={campaignId} />
          <input type="hidden" name="participationId" value={participationId} />
          <p>{confirm}</p>
          <SubmitButton pending={isPending} variant={variant}>
            {submit}
          </SubmitButton>
        </form>
      </details>
      {state.status === "error" && (
        <p role="alert" className="mt-2 font-semibold text-danger">
          {state.message}
        </p>
      )}
    </div>
  );
}

/**
 * The participant page's management (ADMIN or the campaign's owner, docs/decisions/014): delete the
 * participation, or after sharing let the student retry. Each asks for a confirmation first.
 */
export function ParticipationActions({
  campaignId,
  participationId,
  name,
  canRetry,
}: {
  campaignId: number;
  participationId: number;
  name: string;
  /** Shared, in a campaign still open. */
  canRetry: boolean;
}) {
  return (
    <section
      aria-labelledby="participation-actions-title"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="participation-actions-title" className="text-xl font-bold">
        {t.title}
      </h2>
      <p className="max-w-3xl text-muted">{t.intro}</p>
      <div className="flex flex-wrap items-start gap-4">
        {canRetry && (
          <ConfirmForm
            action={allowRetryAction}
            open={t.retryOpen}
            confirm={t.retryConfirm(name)}
            submit={t.retrySubmit(name)}
            campaignId={campaignId}
            participationId={participationId}
            variant="primary"
          />
        )}
        <ConfirmForm
          action={deleteParticipationAction}
          open={t.deleteOpen}
          confirm={t.deleteConfirm(name)}
          submit={t.deleteSubmit(name)}
          campaignId={campaignId}
          participationId={participationId}
          variant="danger"
        />
      </div>
    </section>
  );
}
