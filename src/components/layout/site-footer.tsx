import Link from "next/link";

import { layoutText } from "@/messages/fr/layout";

/** The footer of every page, Orga and student app: the pages every user must be able to reach. */
export function SiteFooter() {
  return (
    <footer className="no-print border-t border-slate-200 bg-white px-6 py-4 text-sm">
      <nav aria-label={layoutText.footer.label}>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href="/confidentialite" className="font-semibold text-primary underline">
              {layoutText.footer.privacy}
            </Link>
          </li>
          <li>
            <Link href="/mentions-legales" className="font-semibold text-primary underline">
              {layoutText.footer.legal}
            </Link>
          </li>
          <li>
            <Link href="/accessibilite" className="font-semibold text-primary underline">
              {layoutText.footer.accessibility}
            </Link>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
