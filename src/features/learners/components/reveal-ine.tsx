"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { learnersMessages } from "@/messages/fr/learners";

import { revealLearnerIneAction } from "../actions";

const t = learnersMessages.detail;

/**
 * The INE cell of the learner page: masked, and for an ADMIN a button that asks the server for the
 * full INE (audit-logged there). The INE lives only in this component's state, never in a URL.
 */
export function RevealIne({
  learnerId,
  name,
  maskedIne,
  canReveal,
}: {
  learnerId: number;
  name: string;
  maskedIne: string;
  canReveal: boolean;
}) {
  const [state, formAction, isPending] = useActionState(revealLearnerIneAction, idle);
  if (state.status === "success") {
    return (
      <span className="font-mono" data-testid="learner-ine">
        {state.data.ine}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap items-center gap-3">
      <span className="font-mono" data-testid="learner-ine">
        <span aria-hidden="true">{maskedIne}</span>
        <span className="sr-only">{t.ineMaskedHint}</span>
      </span>
      {canReveal && (
        <form action={formAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="learnerId" value={learnerId} />
          <SubmitButton pending={isPending} variant="secondary" size="small" aria-label={t.revealIneFor(name)}>
            {t.revealIne}
          </SubmitButton>
          <span className="text-sm text-muted">{t.revealIneNote}</span>
          {state.status === "error" && (
            <span role="alert" className="font-semibold text-danger">
              {state.message}
            </span>
          )}
        </form>
      )}
    </span>
  );
}
