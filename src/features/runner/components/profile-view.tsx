import Link from "next/link";

import { runnerText } from "@/messages/fr/runner";
import { formatDate } from "@/messages/fr/format";

import type { ProfilePage } from "../loaders";

const t = runnerText.profile;

/** *Mon profil*: the level per competence, then what to work on next. */
export function ProfileView({ page }: { page: ProfilePage }) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="titre-profil" className="space-y-3">
        <h1 id="titre-profil" className="text-3xl font-bold">
          {t.title}
        </h1>
        <p className="text-lg">{t.intro}</p>
      </section>

      {page.levels.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-lg">{t.empty}</p>
      ) : (
        <>
          <section aria-labelledby="titre-niveaux" className="space-y-4">
            <h2 id="titre-niveaux" className="text-2xl font-bold">
              {t.levelsTitle}
            </h2>
            <table className="w-full border-collapse rounded-xl bg-white text-left">
              <caption className="sr-only">{t.levelsCaption}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t.competence}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t.level}
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t.measuredOn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.levels.map((known) => (
                  <tr key={known.competenceId} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-normal">
                      <span className="text-muted">{known.competenceId}</span> {known.name}
                    </th>
                    <td className="px-3 py-2 font-semibold whitespace-nowrap">{t.levelValue(known.level)}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{formatDate(known.measuredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section
            aria-labelledby="titre-ensuite"
            className="space-y-3 rounded-2xl border-2 border-primary bg-white p-6"
          >
            <h2 id="titre-ensuite" className="text-2xl font-bold">
              {t.nextTitle}
            </h2>
            {page.nextSteps.length === 0 ? (
              <p>{t.allTop}</p>
            ) : (
              <>
                <p>{t.nextIntro}</p>
                <ul className="list-disc space-y-1 pl-6">
                  {page.nextSteps.map((step) => (
                    <li key={step.competenceId}>{t.nextStep(step.name, step.nextLevel)}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="text-muted">{t.adaptiveNote}</p>
          </section>
        </>
      )}

      <p>
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
          {t.backHome}
        </Link>
      </p>
    </div>
  );
}
