import Link from "next/link";

import { common } from "@/messages/fr/common";

export default function NotFound() {
  return (
    <main id="contenu" className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-start justify-center gap-4 p-6">
      <p className="text-sm font-semibold uppercase tracking-wide text-primary">Erreur 404</p>
      <h1 className="text-3xl font-bold">{common.notFoundTitle}</h1>
      <p className="text-lg text-muted">{common.notFoundText}</p>
      <Link href="/" className="rounded-lg bg-primary px-5 py-3 font-semibold text-white hover:bg-primary-dark">
        {common.backHome}
      </Link>
    </main>
  );
}
