import Link from "next/link";
import type { ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";

/**
 * Filters above a list: a GET form (the filters live in the URL, so it works without JavaScript
 * and a filtered list can be shared), its submit button and a link back to the unfiltered list.
 */
export function FilterForm({
  action,
  submitLabel,
  resetHref,
  resetLabel,
  className,
  actionsClassName,
  children,
}: {
  action: string;
  submitLabel: string;
  resetHref: string;
  resetLabel: string;
  /** Grid columns of the fields. */
  className?: string;
  actionsClassName?: string;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      action={action}
      role="search"
      className={`grid gap-4 rounded-lg border border-slate-200 bg-white p-4 ${className ?? ""}`}
    >
      {children}
      <div className={`flex items-end gap-3 ${actionsClassName ?? ""}`}>
        <button type="submit" className={buttonClass("primary")}>
          {submitLabel}
        </button>
        <Link href={resetHref} className="px-2 py-2 font-semibold text-primary underline">
          {resetLabel}
        </Link>
      </div>
    </form>
  );
}
