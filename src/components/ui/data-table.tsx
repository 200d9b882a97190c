import type { ReactNode } from "react";

import { EmptyState } from "./empty-state";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** The cell names its row for assistive technology (`<th scope="row">`). */
  isRowHeader?: boolean;
  className?: string;
  headerClassName?: string;
};

/**
 * A table of records: a caption for screen readers, a header row, and, when there is no row, an
 * empty state. By default it sits in a labelled scroll region that the keyboard can reach and
 * scroll, of bounded height so that the header stays in view (sticky) over long lists.
 * `bounded={false}` lets the page scroll instead; `region={false}` is for short tables whose
 * cells hold controls (they are reachable by the keyboard anyway).
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  footer,
  region = true,
  bounded = true,
  className,
}: {
  /** Read by screen readers; also names the scroll region. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Shown instead of the table when there is no row. */
  empty?: ReactNode;
  /** A `<tfoot>`. */
  footer?: ReactNode;
  region?: boolean;
  bounded?: boolean;
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <EmptyState className={className}>{empty}</EmptyState>;
  const align = (column: Column<Row>) => (column.align === "right" ? "text-right" : "text-left");
  const table = (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <thead className="sticky top-0 bg-slate-100">
        <tr>
          {columns.map((column) => (
            <th
              key={column.key}
              scope="col"
              className={`px-3 py-3 font-semibold ${align(column)} ${column.headerClassName ?? ""}`}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className="border-t border-slate-200 align-top">
            {columns.map((column) => {
              const className = `px-3 py-2 ${align(column)} ${column.className ?? ""}`;
              return column.isRowHeader ? (
                <th key={column.key} scope="row" className={className}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.key} className={className}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer}
    </table>
  );
  const frame = "rounded-lg border border-slate-200 bg-white";
  if (!region) return <div className={`overflow-x-auto ${frame} ${className ?? ""}`}>{table}</div>;
  return (
    <div
      className={`${bounded ? "max-h-[70vh] " : ""}overflow-auto ${frame} ${className ?? ""}`}
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      {table}
    </div>
  );
}
