"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { retrySubscriptionAction } from "@/features/gar-subscriptions/actions";

/** The subscription line's one action: call the GAR now (create, renew or retry); the page then shows the outcome. */
export function SubscriptionButton({ label }: { label: string }) {
  const [state, formAction, isPending] = useActionState(retrySubscriptionAction, idle);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton pending={isPending} size="small">
        {label}
      </SubmitButton>
      <p aria-live="polite" className={state.status === "error" ? "text-danger" : "text-success"}>
        {state.status === "error" ? state.message : state.status === "success" ? state.message : ""}
      </p>
    </form>
  );
}
