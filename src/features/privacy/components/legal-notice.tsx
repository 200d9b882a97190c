import Link from "next/link";

import { layoutText } from "@/messages/fr/layout";

import type { LegalDetails } from "../types";

const t = layoutText.legal;

/** /mentions-legales: who publishes and hosts the service, as this deployment declares it. */
export function LegalNotice({ details }: { details: LegalDetails }) {
  const lines = [
    { id: "editeur", title: t.publisherTitle, value: details.publisher },
    { id: "directeur", title: t.directorTitle, value: details.publicationDirector },
    { id: "hebergement", title: t.hostTitle, value: details.host },
    { id: "contact", title: t.contactTitle, value: details.supportContact },
  ];
  const incomplete = lines.some((line) => line.value === null);
  return (
    <article className="space-y-6">
      <h1 className="text-3xl font-bold">{t.title}</h1>
      {incomplete ? (
        <p className="rounded border-l-4 border-amber-600 bg-amber-50 p-3" role="note">
          {t.undeclaredWarning}
        </p>
      ) : null}
      {lines.map((line) => (
        <section key={line.id} aria-labelledby={line.id} className="space-y-2">
          <h2 id={line.id} className="text-2xl font-bold">
            {line.title}
          </h2>
          <p className="whitespace-pre-line">{line.value ?? t.undeclared}</p>
        </section>
      ))}
      <section aria-labelledby="donnees" className="space-y-2">
        <h2 id="donnees" className="text-2xl font-bold">
          {t.dataTitle}
        </h2>
        <p>
          {t.data}{" "}
          <Link href="/confidentialite" className="font-semibold text-primary underline">
            {t.dataLink}
          </Link>
        </p>
      </section>
    </article>
  );
}
