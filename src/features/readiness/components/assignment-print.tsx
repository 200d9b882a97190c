import Link from "next/link";

import { PrintButton } from "@/features/campaigns/components/print-button";
import { readinessText as t } from "@/messages/fr/readiness";

import type { AssignmentGroup } from "../types";

/** The list the *responsable d'affectation* takes to the GAR's console: by class, newcomers first. */
export function AssignmentPrint({
  schoolName,
  date,
  groups,
}: {
  schoolName: string;
  date: Date;
  groups: AssignmentGroup[];
}) {
  return (
    <div className="max-w-4xl space-y-4">
      <header className="space-y-1">
        <h1 className="text-3xl font-bold">{t.assignment.printTitle}</h1>
        <p className="text-muted">{t.assignment.printIntro(schoolName, date)}</p>
        <div className="no-print flex gap-4 pt-2">
          <PrintButton label={t.assignment.print} />
          <Link href="/orga/accueil" className="self-center font-semibold text-primary underline">
            {t.assignment.back}
          </Link>
        </div>
      </header>
      <ol className="list-decimal space-y-1 pl-6">
        {t.assignment.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {groups.length === 0 ? (
        <p>{t.assignment.empty}</p>
      ) : (
        groups.map((group) => (
          <section key={group.division} className="break-inside-avoid">
            <h2 className="text-xl font-bold">
              {t.assignment.byClass(group.division, group.newcomers.length + group.others.length)}
            </h2>
            <ul className="mt-1 grid grid-cols-2 gap-x-6">
              {[...group.newcomers, ...group.others].map((learner) => (
                <li key={learner.id}>
                  <span aria-hidden="true">☐ </span>
                  {learner.lastName} {learner.firstName}
                  {learner.isNewcomer && <strong> ({t.assignment.newcomerTag})</strong>}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
