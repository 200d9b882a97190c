"use client";

import { common } from "@/messages/fr/common";

import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="fr">
      <body>
        <main className="mx-auto flex min-h-screen max-w-xl flex-col items-start justify-center gap-4 p-6">
          <h1 className="text-3xl font-bold">{common.errorTitle}</h1>
          <p className="text-lg">{common.errorText}</p>
          <button type="button" onClick={reset} className="rounded-lg bg-[#3a2fa6] px-5 py-3 font-semibold text-white">
            {common.retry}
          </button>
        </main>
      </body>
    </html>
  );
}
