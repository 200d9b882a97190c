import type { ReactNode } from "react";

/** A success announced politely (role="status"); the tick is decoration, the words carry the meaning. */
export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded-lg border-2 border-success bg-success-light p-4 font-semibold text-success">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}
