"use client";

import { useEffect, useRef } from "react";

import type { ActionState } from "@/lib/action";
import { accountsText } from "@/messages/fr/accounts";

/** `useActionState`'s first state (lib/action is server-only, so client forms keep a copy). */
export const idle = { status: "idle" } as const;

export const studentInputClass =
  "mt-1 block rounded-lg border-2 border-slate-500 bg-white px-4 py-3 text-lg aria-[invalid=true]:border-danger";
export const studentButtonClass =
  "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-primary px-6 py-3 text-lg font-semibold text-white hover:bg-primary-dark disabled:opacity-60 sm:w-auto";

export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> {
  return state.status === "error" && state.code === "VALIDATION" ? (state.fieldErrors ?? {}) : {};
}

/** Top-of-form summary: the outcome message, or every field error linking to its field; focused when it appears. */
export function ErrorSummary({ state, labels }: { state: ActionState<unknown>; labels: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const entries = Object.entries(fieldErrorsOf(state)).filter(([field, messages]) => messages.length > 0 && labels[field]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="rounded-lg border-2 border-danger bg-danger-light p-4" data-error-code={state.code}>
      <p className="font-bold text-danger">{entries.length > 0 ? accountsText.formErrorsSummary : state.message}</p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${field}`} className="text-danger underline">
                {labels[field]} : {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-danger">
      <span aria-hidden="true">⚠ </span>
      {errors.join(" ")}
    </p>
  );
}
