"use client";

import { useEffect, useRef } from "react";

import type { ActionState } from "@/lib/action";
import { common } from "@/messages/fr/common";

import { fieldErrorsOf } from "./form-state";

/**
 * The summary at the top of a form: the outcome's message, or, when fields are wrong, every
 * field error linking to its field. It takes the focus when it appears so that keyboard and
 * screen-reader users land on it.
 */
export function ErrorSummary({
  state,
  labels,
  fieldIds = {},
  title = common.formErrorsSummary,
}: {
  state: ActionState<unknown>;
  /** The fields the summary may name; an error on any other field is not listed. */
  labels: Record<string, string>;
  /** The id of each field's control, when it is not the field's name. */
  fieldIds?: Record<string, string>;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const entries = Object.entries(fieldErrorsOf(state)).filter(
    ([field, messages]) => messages.length > 0 && labels[field] !== undefined,
  );
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="rounded-lg border-2 border-danger bg-danger-light p-4"
      data-error-code={state.code}
    >
      <p className="font-bold text-danger">
        {entries.length > 0 && state.code === "VALIDATION" ? title : state.message}
      </p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${fieldIds[field] ?? field}`} className="text-danger underline">
                {labels[field]} : {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
