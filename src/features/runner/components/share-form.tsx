"use client";

import { useActionState } from "react";

import type { ActionState } from "@/lib/action";
import { runnerText } from "@/messages/fr/runner";

import { shareResultsAction } from "../actions";

const t = runnerText.results;
const idleState: ActionState<never> = { status: "idle" };

export function ShareForm({ code }: { code: string }) {
  const [state, formAction, isPending] = useActionState(shareResultsAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      {state.status === "error" && (
        <p role="alert" className="rounded-lg border border-danger bg-danger-light px-4 py-3 font-semibold text-danger">
          {state.message}
        </p>
      )}
      <button
        type="submit"
        disabled={isPending}
        className="min-h-12 w-full rounded-lg bg-primary px-6 py-3 text-lg font-semibold text-white hover:bg-primary-dark disabled:opacity-60 sm:w-auto"
      >
        {isPending ? t.sharing : t.share}
      </button>
    </form>
  );
}
