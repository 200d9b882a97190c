import { PrintableList } from "@/components/ui/printable-list";
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
    <PrintableList
      title={t.assignment.printTitle}
      intro={t.assignment.printIntro(schoolName, date)}
      printLabel={t.assignment.print}
      back={{ href: "/orga/accueil", label: t.assignment.back }}
      before={
        <ol className="list-decimal space-y-1 pl-6">
          {t.assignment.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      }
      empty={t.assignment.empty}
      groups={groups.map((group) => ({
        key: group.division,
        heading: t.assignment.byClass(group.division, group.newcomers.length + group.others.length),
        items: [...group.newcomers, ...group.others].map((learner) => ({
          key: learner.id,
          content: (
            <>
              {learner.lastName} {learner.firstName}
              {learner.isNewcomer && <strong> ({t.assignment.newcomerTag})</strong>}
            </>
          ),
        })),
      }))}
    />
  );
}
