import type { ReactNode } from "react";

/** What a page or a table shows when there is nothing yet, with what to do next. */
export function EmptyState({
  children,
  action,
  className,
}: {
  children: ReactNode;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div className={`rounded-lg border border-slate-200 bg-white p-6 ${className ?? ""}`}>
      <p className="text-lg">{children}</p>
      {action && <div className="mt-4">{action}</div>}
    </div>
  );
}
