"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { buttonClass } from "@/components/ui/button";
import { learnersMessages as t } from "@/messages/fr/learners";

import { dissociateLearnerAction } from "../actions";

/**
 * The "Compte" cell of the Élèves table: *Dissocier* with a confirmation step naming the learner.
 * A native <details> opens the confirmation, so it works without JavaScript (the form posts to
 * the server action; the page comes back with the outcome). The component stays mounted when
 * the row re-renders unlinked, so the outcome stays announced.
 */
export function DissociateLearnerCell({
  learnerId,
  name,
  hasJoined,
  canDissociate,
}: {
  learnerId: number;
  name: string;
  hasJoined: boolean;
  canDissociate: boolean;
}) {
  const [state, formAction, isPending] = useActionState(dissociateLearnerAction, idle);
  if (state.status === "success") {
    return (
      <p role="status" className="text-success">
        {t.dissociate.done(name)}
      </p>
    );
  }
  if (!hasJoined || !canDissociate) return <span aria-hidden="true">{t.none}</span>;
  return (
    <details>
      <summary className={`${buttonClass("secondary", "small")} cursor-pointer list-none`}>
        {t.dissociate.open}
        <span className="sr-only"> : {name}</span>
      </summary>
      <form action={formAction} className="mt-2 max-w-sm space-y-2 rounded-md border border-danger bg-danger-light p-3">
        <input type="hidden" name="learnerId" value={learnerId} />
        <p>{t.dissociate.confirm(name)}</p>
        <SubmitButton pending={isPending} variant="danger" size="small">
          {t.dissociate.submit(name)}
        </SubmitButton>
        {state.status === "error" && (
          <p role="alert" className="font-semibold text-danger">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}
