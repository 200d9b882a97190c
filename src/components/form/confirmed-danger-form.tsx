"use client";

import { type ReactNode, useActionState } from "react";

import type { ActionState } from "@/lib/action";

import { FieldError } from "./field";
import { describedBy, fieldErrorsOf, idle } from "./form-state";
import { SubmitButton } from "./submit-button";

/**
 * An irreversible action's form: a box to tick (`confirm`) whose label names what is destroyed,
 * then the danger button. The action refuses an unticked box with a field error shown under it.
 */
export function ConfirmedDangerForm<T>({
  action,
  confirmLabel,
  submitLabel,
  children,
}: {
  action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  confirmLabel: string;
  submitLabel: string;
  /** Hidden inputs naming the record. */
  children?: ReactNode;
}) {
  const [state, formAction, isPending] = useActionState<ActionState<T>, FormData>(action, idle);
  const errors = fieldErrorsOf(state).confirm;
  const errorId = errors?.length ? "confirm-error" : undefined;
  return (
    <form action={formAction} className="max-w-2xl space-y-4 rounded-md border-2 border-danger bg-danger-light p-4">
      {children}
      <div>
        <label className="flex items-start gap-2 font-semibold">
          <input
            type="checkbox"
            name="confirm"
            className="mt-1 size-5"
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(errorId)}
          />
          <span>{confirmLabel}</span>
        </label>
        <FieldError id={errorId} errors={errors} />
      </div>
      <SubmitButton pending={isPending} variant="danger">
        {submitLabel}
      </SubmitButton>
      {state.status === "error" && !errors?.length && (
        <p role="alert" className="font-semibold text-danger">
          {state.message}
        </p>
      )}
    </form>
  );
}
