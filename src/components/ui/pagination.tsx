import Link from "next/link";

export type PaginationLabels = {
  label: string;
  previous: string;
  next: string;
  page: (page: number, pages: number) => string;
};

/** Previous / next links that keep the current filters in the URL (works without JavaScript). */
export function Pagination({
  basePath,
  params,
  page,
  pageCount,
  labels,
}: {
  basePath: string;
  params: Record<string, string | number | undefined>;
  page: number;
  pageCount: number;
  labels: PaginationLabels;
}) {
  if (pageCount <= 1 && page <= 1) return null;
  const hrefFor = (target: number) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== "" && key !== "page") search.set(key, String(value));
    }
    if (target > 1) search.set("page", String(target));
    const query = search.toString();
    return query ? `${basePath}?${query}` : basePath;
  };
  const linkClass =
    "rounded-md border border-slate-300 bg-white px-3 py-2 font-semibold text-primary hover:bg-slate-100";
  return (
    <nav aria-label={labels.label} className="mt-4 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} className={linkClass} rel="prev">
          {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <p aria-current="page">{labels.page(page, pageCount)}</p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
          {labels.next}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
