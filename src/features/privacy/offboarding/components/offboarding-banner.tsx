import Link from "next/link";

import { privacyMessages } from "@/messages/fr/privacy";

const t = privacyMessages.offboarding.banner;

/** A pending offboarding, on every Orga page until it is cancelled or carried out. */
export function OffboardingBanner({ eraseOn, canCancel }: { eraseOn: Date; canCancel: boolean }) {
  return (
    <aside
      aria-label={t.label}
      data-testid="offboarding-banner"
      className="no-print border-b-2 border-red-600 bg-red-50 px-6 py-3"
    >
      <p>
        <strong>{t.text(eraseOn)}</strong>{" "}
        {canCancel ? (
          <Link href="/orga/etablissement/depart" className="font-semibold text-primary underline" prefetch={false}>
            {t.action}
          </Link>
        ) : (
          t.member
        )}
      </p>
    </aside>
  );
}
