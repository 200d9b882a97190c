"use client";

import { useActionState } from "react";

import { ErrorSummary } from "@/components/form/error-summary";
import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { accountsText } from "@/messages/fr/student-accounts";
import { startParticipationAction } from "../actions";

/** *Commencer* for a campaign reached by its direct link: the participation starts on this POST. */
export function StartParticipationForm({ code, label }: { code: string; label: string }) {
  const [state, formAction, pending] = useActionState(startParticipationAction, idle);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ErrorSummary state={state} labels={{}} />
      <input type="hidden" name="code" value={code} />
      <div>
        <SubmitButton pending={pending} pendingLabel={accountsText.start.starting} size="large">
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}
