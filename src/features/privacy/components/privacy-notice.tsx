import { privacyMessages } from "@/messages/fr/privacy";

import { buildNoticeSections } from "../domain/notice";
import { INVENTORY } from "../inventory";

const t = privacyMessages.notice;

/** /confidentialite: rendered from the data inventory, so it says what is really stored. */
export function PrivacyNotice({ privacyContact }: { privacyContact: string | null }) {
  const sections = buildNoticeSections(INVENTORY);
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-3xl font-bold">{t.title}</h1>
        <p className="mt-2">{t.intro}</p>
      </header>
      <section aria-labelledby="responsable" className="space-y-2">
        <h2 id="responsable" className="text-2xl font-bold">
          {t.controllerTitle}
        </h2>
        <p>{t.controller}</p>
      </section>
      <section aria-labelledby="conserve" className="space-y-4">
        <h2 id="conserve" className="text-2xl font-bold">
          {t.keptTitle}
        </h2>
        {sections.map((section) => (
          <div key={section.about} className="overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left">
              <caption className="py-2 text-left text-lg font-semibold">{t.subjects[section.about]}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="p-2">
                    {t.columns.what}
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.why}
                  </th>
                  <th scope="col" className="p-2">
                    {t.columns.howLong}
                  </th>
                </tr>
              </thead>
              <tbody>
                {section.entries.map((entry) => {
                  const words = t.tables[entry.table];
                  return (
                    <tr key={entry.table} className="border-b border-slate-200 align-top">
                      <td className="p-2">{words?.what}</td>
                      <td className="p-2">{words?.why}</td>
                      <td className="p-2">{t.retention(entry.retention)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <section aria-labelledby="destinataires" className="space-y-2">
        <h2 id="destinataires" className="text-2xl font-bold">
          {t.recipientsTitle}
        </h2>
        <p>{t.recipients}</p>
      </section>
      <section aria-labelledby="droits" className="space-y-2">
        <h2 id="droits" className="text-2xl font-bold">
          {t.rightsTitle}
        </h2>
        <p>{t.rights}</p>
      </section>
      <section aria-labelledby="delegue" className="space-y-2">
        <h2 id="delegue" className="text-2xl font-bold">
          {t.dpoTitle}
        </h2>
        <p>{privacyContact ? t.dpo(privacyContact) : t.dpoUndeclared}</p>
      </section>
    </article>
  );
}
