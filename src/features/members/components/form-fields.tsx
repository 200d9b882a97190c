"use client";

import { type FormEvent, useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";

import type { ActionState } from "@/lib/action";

/** `useActionState`'s first state (lib/action is server-only, so client forms keep a copy). */
export const idle = { status: "idle" } as const;

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger";
export const primaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-primary px-5 py-2 font-semibold text-white hover:bg-primary-dark disabled:opacity-60";
export const secondaryButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-slate-400 bg-white px-4 py-2 font-semibold text-ink hover:bg-slate-100 disabled:opacity-60";
export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md border border-danger bg-white px-4 py-2 font-semibold text-danger hover:bg-danger-light disabled:opacity-60";

/**
 * Keeps what was typed when the server answers with errors. Fields stay uncontrolled (so typing
 * before hydration is never lost and the form still posts without JavaScript); React resets a
 * form after its action, back to each field's default value, which is what was submitted.
 * Passwords are never kept.
 */
export function useSubmittedValues(initial: Record<string, string> = {}) {
  const [values, setValues] = useState<Record<string, string>>(initial);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && !/password/i.test(key)) next[key] = value;
    }
    setValues(next);
  };
  return { values, setValues, onSubmit };
}

/** Field errors from zod (VALIDATION) or from a mutation naming its field in `details.field`. */
export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> {
  if (state.status !== "error") return {};
  if (state.fieldErrors && Object.keys(state.fieldErrors).length > 0) return state.fieldErrors;
  const field = state.details?.field;
  return typeof field === "string" ? { [field]: [state.message] } : {};
}

export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

type TextFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

/** A labelled input whose hint and error are tied to it by aria-describedby. */
export function TextField({ id, name, label, hint, errors, className, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy(hintId, errorId)}
        className={inputClass}
        {...input}
      />
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!id || !errors?.length) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-danger">
      <span aria-hidden="true">⚠ </span>
      {errors.join(" ")}
    </p>
  );
}

/**
 * The summary at the top of a form: the general message, then every field error linking to its
 * field. It takes the focus when it appears so keyboard and screen-reader users land on it.
 */
export function FormErrorSummary({
  state,
  labels,
  fieldIds,
  title = "Le formulaire contient des erreurs :",
}: {
  state: ActionState<unknown>;
  labels: Record<string, string>;
  fieldIds: Record<string, string>;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === "error") ref.current?.focus();
  }, [state]);
  if (state.status !== "error") return null;
  const entries = Object.entries(fieldErrorsOf(state)).filter(([field, messages]) => messages.length > 0 && fieldIds[field]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="rounded-lg border-2 border-danger bg-danger-light p-4">
      <p className="font-bold text-danger">{entries.length > 0 && state.code === "VALIDATION" ? title : state.message}</p>
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-6">
          {entries.map(([field, messages]) => (
            <li key={field}>
              <a href={`#${fieldIds[field]}`} className="text-danger underline">
                {labels[field] ?? field} : {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded-lg border-2 border-success bg-success-light p-4 font-semibold text-success">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}

export function InfoMessage({ children }: { children: ReactNode }) {
  return <div className="rounded-lg border border-slate-300 bg-white p-4">{children}</div>;
}
