"use client";

import { useActionState } from "react";

import { idle } from "@/components/form/form-state";
import { SubmitButton } from "@/components/form/submit-button";
import { runnerText } from "@/messages/fr/runner";

import { shareResultsAction } from "../actions";

const t = runnerText.results;

export function ShareForm({ code }: { code: string }) {
  const [state, formAction, isPending] = useActionState(shareResultsAction, idle);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      {state.status === "error" && (
        <p role="alert" className="rounded-lg border border-danger bg-danger-light px-4 py-3 font-semibold text-danger">
          {state.message}
        </p>
      )}
      <SubmitButton pending={isPending} pendingLabel={t.sharing} size="large">
        {t.share}
      </SubmitButton>
    </form>
  );
}
