import type { ReactNode } from "react";

import { FieldError, type FieldSize } from "./field";
import { describedBy } from "./form-state";

/**
 * A group of controls (radios, checkboxes, the parts of a date) under one legend; its hint and
 * its error describe the group.
 */
export function Fieldset({
  id,
  name,
  legend,
  hint,
  errors,
  size = "default",
  className,
  children,
}: {
  id?: string;
  /** The field the group stands for: its hint and error get the ids `${name}-hint`, `${name}-error`. */
  name?: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  size?: FieldSize;
  className?: string;
  children: ReactNode;
}) {
  const base = name ?? id;
  const hintId = hint && base ? `${base}-hint` : undefined;
  const errorId = errors?.length && base ? `${base}-error` : undefined;
  return (
    <fieldset id={id} aria-describedby={describedBy(hintId, errorId)} className={className}>
      <legend className={size === "large" ? "text-lg font-semibold" : "font-semibold"}>{legend}</legend>
      {hint && (
        <p id={hintId} className="mb-2 text-muted">
          {hint}
        </p>
      )}
      {children}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
