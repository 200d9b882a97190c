"use client";

import { common } from "@/messages/fr/common";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="contenu" className="mx-auto flex min-h-[60vh] max-w-xl flex-col items-start justify-center gap-4 p-6">
      <h1 className="text-3xl font-bold">{common.errorTitle}</h1>
      <p className="text-lg text-muted">{common.errorText}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg bg-primary px-5 py-3 font-semibold text-white hover:bg-primary-dark"
      >
        {common.retry}
      </button>
    </main>
  );
}
