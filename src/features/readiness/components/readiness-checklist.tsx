import Link from "next/link";

import { buttonClass } from "@/components/ui/button";
import { readinessText as t } from "@/messages/fr/readiness";

import type { AssignmentGroup, ChecklistLine, LineState } from "../types";
import { SubscriptionButton } from "./subscription-button";

const STATE_STYLE: Record<LineState, { box: string; badge: string; icon: string }> = {
  done: { box: "border-success", badge: "bg-success-light text-success", icon: "✓" },
  warning: { box: "border-amber-500", badge: "bg-amber-50 text-amber-800", icon: "!" },
  todo: { box: "border-danger", badge: "bg-danger-light text-danger", icon: "✗" },
  info: { box: "border-slate-300", badge: "bg-slate-100 text-ink", icon: "i" },
};

function StateBadge({ state }: { state: LineState }) {
  return (
    <span className={`rounded-full px-3 py-1 text-sm font-bold ${STATE_STYLE[state].badge}`}>
      <span aria-hidden="true">{STATE_STYLE[state].icon} </span>
      {t.stateLabels[state]}
    </span>
  );
}

function LineAction({ line, isAdmin }: { line: ChecklistLine; isAdmin: boolean }) {
  const action = line.action;
  if (!action || line.state === "done") return null;
  if (action.adminOnly && !isAdmin) return <p className="text-sm text-muted">{t.adminOnlyHint}</p>;
  if (action.kind === "subscription") return <SubscriptionButton label={action.label} />;
  return (
    <Link href={action.href} className={buttonClass("outline", "small")} prefetch={false}>
      {action.label}
    </Link>
  );
}

function AssignmentDetails({ groups }: { groups: AssignmentGroup[] }) {
  const newcomers = groups.filter((group) => group.newcomers.length > 0);
  const others = groups.filter((group) => group.others.length > 0);
  return (
    <div className="mt-3 space-y-3">
      {newcomers.length > 0 && (
        <section aria-labelledby="nouveaux-eleves" className="rounded-md bg-amber-50 p-3">
          <h3 id="nouveaux-eleves" className="font-semibold">
            {t.assignment.newcomersTitle}
          </h3>
          <ul className="mt-2 space-y-1">
            {newcomers.map((group) => (
              <li key={group.division}>
                <strong>{t.assignment.byClass(group.division, group.newcomers.length)}</strong> —{" "}
                {group.newcomers.map((learner) => `${learner.lastName} ${learner.firstName}`).join(", ")}
              </li>
            ))}
          </ul>
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="jamais-arrives">
          <h3 id="jamais-arrives" className="font-semibold">
            {t.assignment.othersTitle}
          </h3>
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {others.map((group) => (
              <li key={group.division}>{t.assignment.byClass(group.division, group.others.length)}</li>
            ))}
          </ul>
        </section>
      )}
      <details>
        <summary className="cursor-pointer font-semibold text-primary">{t.assignment.stepsTitle}</summary>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          {t.assignment.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </details>
    </div>
  );
}

/** The Orga home's checklist: one line per prerequisite, its state in words, the one action that fixes it. */
export function ReadinessChecklist({
  lines,
  groups,
  isAdmin,
}: {
  lines: ChecklistLine[];
  groups: AssignmentGroup[];
  isAdmin: boolean;
}) {
  const done = lines.filter((line) => line.state === "done").length;
  return (
    <section aria-labelledby="preparation" className="max-w-4xl space-y-4">
      <header>
        <h1 id="preparation" className="text-3xl font-bold">
          {t.heading}
        </h1>
        <p className="mt-1 text-muted">{isAdmin ? t.intro : t.compactIntro}</p>
        <p className="mt-1 font-semibold">{t.progress(done, lines.length)}</p>
      </header>
      <ol className="space-y-3">
        {lines.map((line) => (
          <li
            key={line.id}
            data-testid={`checklist-${line.id}`}
            data-state={line.state}
            className={`rounded-lg border-l-4 bg-white p-4 shadow-sm ${STATE_STYLE[line.state].box}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-bold">{line.title}</h2>
              <StateBadge state={line.state} />
            </div>
            {(isAdmin || line.state !== "done") && <p className="mt-1">{line.summary}</p>}
            <div className="mt-2">
              <LineAction line={line} isAdmin={isAdmin} />
            </div>
            {isAdmin && line.id === "assignment" && groups.length > 0 && <AssignmentDetails groups={groups} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
