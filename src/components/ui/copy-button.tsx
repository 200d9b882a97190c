"use client";

import { useState } from "react";

/**
 * Copies a text to the clipboard and says so in a live region. The clipboard API needs a secure
 * context (https or localhost); elsewhere the user is told to copy by hand.
 */
export function CopyButton({
  text,
  label,
  copiedLabel,
  failedLabel,
  className,
}: {
  text: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 3000);
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className={
          className ??
          "rounded-md border border-primary bg-white px-4 py-2 font-semibold text-primary hover:bg-primary-light"
        }
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm font-semibold text-success">
        {state === "copied" ? (
          copiedLabel
        ) : state === "failed" ? (
          <span className="text-danger">{failedLabel}</span>
        ) : null}
      </span>
    </span>
  );
}
