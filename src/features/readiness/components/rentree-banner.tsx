import Link from "next/link";

import { readinessText as t } from "@/messages/fr/readiness";

/** From 1 September until the school imports the new year's base: on every Orga page. */
export function RentreeBanner({ schoolYear, canImport }: { schoolYear: number; canImport: boolean }) {
  return (
    <aside
      aria-label={t.rentreeBanner.label}
      data-testid="rentree-banner"
      className="no-print border-b-2 border-amber-500 bg-amber-50 px-6 py-3"
    >
      <p>
        <strong>{t.rentreeBanner.text(schoolYear)}</strong>{" "}
        {canImport && (
          <Link href="/orga/eleves/import" className="font-semibold text-primary underline" prefetch={false}>
            {t.rentreeBanner.action}
          </Link>
        )}
      </p>
    </aside>
  );
}
