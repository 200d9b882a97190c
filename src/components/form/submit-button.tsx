import type { ButtonHTMLAttributes, ReactNode } from "react";

import { buttonClass, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

/** A form's submit button, disabled while the form's action runs (and saying so when given words for it). */
export function SubmitButton({
  pending,
  pendingLabel,
  variant = "primary",
  size = "default",
  disabled,
  children,
  ...button
}: {
  pending: boolean;
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
  children: ReactNode;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "className" | "children">) {
  return (
    <button type="submit" disabled={pending || disabled} className={buttonClass(variant, size)} {...button}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
