import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

import { describedBy } from "./form-state";

/** `large` is the student app's: bigger text and a 48 px touch target. */
export type FieldSize = "default" | "large";

const controlClass: Record<FieldSize, string> = {
  default:
    "mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-danger",
  large: "mt-1 block rounded-lg border-2 border-slate-500 bg-white px-4 py-3 text-lg aria-[invalid=true]:border-danger",
};
const labelClass: Record<FieldSize, string> = {
  default: "block font-semibold",
  large: "block text-lg font-semibold",
};

/** A field's error, as text next to it; the sign is decoration, the words carry the meaning. */
export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!id || !errors?.length) return null;
  return (
    <p id={id} className="mt-1 font-semibold text-danger">
      <span aria-hidden="true">⚠ </span>
      {errors.join(" ")}
    </p>
  );
}

type ControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
};

export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Defaults to `${id}-hint`. */
  hintId?: string;
  /** Defaults to `${id}-error`. */
  errorId?: string;
  size?: FieldSize;
  /** Classes of the wrapper (width, grid placement). */
  className?: string;
  /** Classes added to the control (width, typography). */
  controlClassName?: string;
};

/**
 * A label, an optional hint, the control and its error, the hint and the error tied to the
 * control by aria-describedby and the error flagged by aria-invalid.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  hintId,
  errorId,
  size = "default",
  className,
  controlClassName,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const shownHintId = hint ? (hintId ?? `${id}-hint`) : undefined;
  const shownErrorId = errors?.length ? (errorId ?? `${id}-error`) : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass[size]}>
        {label}
      </label>
      {hint && (
        <p id={shownHintId} className="text-muted">
          {hint}
        </p>
      )}
      {children({
        id,
        "aria-invalid": shownErrorId ? true : undefined,
        "aria-describedby": describedBy(shownHintId, shownErrorId),
        className: controlClassName ? `${controlClass[size]} ${controlClassName}` : controlClass[size],
      })}
      <FieldError id={shownErrorId} errors={errors} />
    </div>
  );
}

type Own = keyof FieldProps | "children";

export function TextField({
  id,
  label,
  hint,
  errors,
  hintId,
  errorId,
  size,
  className,
  controlClassName,
  ...input
}: FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  return (
    <Field {...{ id, label, hint, errors, hintId, errorId, size, className, controlClassName }}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  errors,
  hintId,
  errorId,
  size,
  className,
  controlClassName,
  ...textarea
}: FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>) {
  return (
    <Field {...{ id, label, hint, errors, hintId, errorId, size, className, controlClassName }}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}

export function SelectField({
  id,
  label,
  hint,
  errors,
  hintId,
  errorId,
  size,
  className,
  controlClassName,
  children,
  ...select
}: FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, Own> & { children: ReactNode }) {
  return (
    <Field {...{ id, label, hint, errors, hintId, errorId, size, className, controlClassName }}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}
