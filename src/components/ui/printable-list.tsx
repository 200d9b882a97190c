import Link from "next/link";
import type { ReactNode } from "react";

import { PrintButton } from "./print-button";

export type PrintableGroup = {
  key: string;
  heading: string;
  items: { key: string | number; content: ReactNode }[];
};

/**
 * A list of people to print and tick off on paper, one section per group (a class): a title, a
 * line saying what it is, *Imprimer* and a way back (not printed), what comes before the list
 * (steps, a legend), then each group as two columns of boxes to tick.
 */
export function PrintableList({
  title,
  intro,
  printLabel,
  back,
  before,
  groups,
  empty,
}: {
  title: string;
  intro: ReactNode;
  printLabel: string;
  back: { href: string; label: string };
  /** Shown between the header and the list. */
  before?: ReactNode;
  groups: PrintableGroup[];
  /** Shown instead of the groups when there is none. */
  empty: ReactNode;
}) {
  return (
    <div className="max-w-4xl space-y-4">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{title}</h1>
        <p className="text-muted">{intro}</p>
        <div className="no-print flex gap-4 pt-2">
          <PrintButton label={printLabel} />
          <Link href={back.href} className="self-center font-semibold text-primary underline">
            {back.label}
          </Link>
        </div>
      </header>
      {before}
      {groups.length === 0 ? (
        <p>{empty}</p>
      ) : (
        groups.map((group) => (
          <section key={group.key} className="break-inside-avoid">
            <h2 className="text-xl font-bold">{group.heading}</h2>
            <ul className="mt-1 grid grid-cols-2 gap-x-6">
              {group.items.map((item) => (
                <li key={item.key}>
                  <span aria-hidden="true">☐ </span>
                  {item.content}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
