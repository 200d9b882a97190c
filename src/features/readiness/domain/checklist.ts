/**
 * The readiness checklist of a school (docs/domain.md §1, the prerequisites before any campaign):
 * each line's state and the one action that fixes it, from facts read for the school. Pure.
 */
import { rentreeOf, schoolYearOf, isEarlyInSchoolYear } from "@/features/gar-subscriptions/domain/school-year";
import { readinessText as t } from "@/messages/fr/readiness";

import type { AssignmentGroup, ChecklistLine, PendingLearner, ReadinessFacts } from "../types";

const DAY_MS = 24 * 60 * 60 * 1000;
/** During September–October a base older than this is flagged: registers change every day. */
export const EARLY_YEAR_IMPORT_MAX_AGE_DAYS = 30;

function activationLine(facts: ReadinessFacts): ChecklistLine {
  if (!facts.activation)
    return {
      id: "activation",
      state: "todo",
      title: t.activation.title,
      summary: t.activation.none,
      action: { kind: "link", label: t.activation.action, href: "/orga/activation", adminOnly: false },
    };
  return {
    id: "activation",
    state: "done",
    title: t.activation.title,
    summary: t.activation.done(facts.activation.at, facts.activation.by),
  };
}

function importLine(facts: ReadinessFacts, now: Date): ChecklistLine {
  const action = { kind: "link" as const, label: t.import.action, href: "/orga/eleves/import", adminOnly: true };
  const last = facts.lastImport;
  if (!last) return { id: "import", state: "todo", title: t.import.titleNone, summary: t.import.none, action };
  const title = t.import.title(last.at);
  if (last.at < rentreeOf(schoolYearOf(now)))
    return { id: "import", state: "warning", title, summary: t.import.beforeRentree(schoolYearOf(now)), action };
  if (isEarlyInSchoolYear(now) && now.getTime() - last.at.getTime() > EARLY_YEAR_IMPORT_MAX_AGE_DAYS * DAY_MS)
    return { id: "import", state: "warning", title, summary: t.import.olderThan30Days, action };
  return { id: "import", state: "done", title, summary: t.import.done(last.by) };
}

function subscriptionLine(facts: ReadinessFacts, now: Date): ChecklistLine {
  const base = { id: "subscription" as const, title: t.subscription.title };
  if (!facts.subscriptionsManaged) return { ...base, state: "info", summary: t.subscription.notManaged };
  const row = facts.subscription;
  if (!row || !row.desiredPresent || row.status === "DELETED")
    return {
      ...base,
      state: "todo",
      summary: t.subscription.none,
      action: { kind: "subscription", label: t.subscription.create, adminOnly: true },
    };
  if (row.status === "FAILED")
    return {
      ...base,
      state: "todo",
      summary: t.subscription.failed(row.lastCallAt, row.lastErrorCode, row.nextAttemptAt),
      action: { kind: "subscription", label: t.subscription.retry, adminOnly: true },
    };
  if (row.status === "PENDING")
    return {
      ...base,
      state: "warning",
      summary: t.subscription.pending,
      action: { kind: "subscription", label: t.subscription.retry, adminOnly: true },
    };
  if (row.schoolYear < schoolYearOf(now))
    return {
      ...base,
      state: "warning",
      summary: t.subscription.outdated(row.schoolYear),
      action: { kind: "subscription", label: t.subscription.renew, adminOnly: true },
    };
  return { ...base, state: "done", summary: t.subscription.active(row.startsOn, row.endYear) };
}

function assignmentLine(facts: ReadinessFacts): ChecklistLine {
  const base = { id: "assignment" as const, title: t.assignment.title };
  if (facts.enabledLearnerCount === 0)
    return {
      ...base,
      state: "todo",
      summary: t.assignment.noLearners,
      action: { kind: "link", label: t.import.action, href: "/orga/eleves/import", adminOnly: true },
    };
  const pending = facts.pendingLearners.length;
  if (pending === 0) return { ...base, state: "done", summary: t.assignment.allArrived(facts.enabledLearnerCount) };
  const action = {
    kind: "link" as const,
    label: t.assignment.printAction,
    href: "/orga/accueil/affectation",
    adminOnly: true,
  };
  if (pending === facts.enabledLearnerCount)
    return { ...base, state: "todo", summary: t.assignment.noneArrived(facts.enabledLearnerCount), action };
  return { ...base, state: "warning", summary: t.assignment.someMissing(pending, facts.enabledLearnerCount), action };
}

function campaignsLine(facts: ReadinessFacts): ChecklistLine {
  const base = { id: "campaigns" as const, title: t.campaigns.title };
  if (facts.classes.length === 0) return { ...base, state: "todo", summary: t.campaigns.noClasses };
  const covered = new Set(facts.classesWithActiveCampaign);
  const missing = facts.classes.filter((division) => !covered.has(division));
  if (missing.length === 0) return { ...base, state: "done", summary: t.campaigns.allCovered(facts.classes.length) };
  return {
    ...base,
    state: "todo",
    summary: t.campaigns.missing(missing),
    action: { kind: "link", label: t.campaigns.action, href: "/orga/campagnes/nouvelle/classes", adminOnly: false },
  };
}

export function buildChecklist(facts: ReadinessFacts, now: Date): ChecklistLine[] {
  return [
    activationLine(facts),
    importLine(facts, now),
    subscriptionLine(facts, now),
    assignmentLine(facts),
    campaignsLine(facts),
  ];
}

/** The pending learners by class, the classes with newcomers first; newcomers first inside each. */
export function groupPendingLearners(learners: readonly PendingLearner[]): AssignmentGroup[] {
  const groups = new Map<string, AssignmentGroup>();
  for (const learner of learners) {
    const group = groups.get(learner.division) ?? { division: learner.division, newcomers: [], others: [] };
    (learner.isNewcomer ? group.newcomers : group.others).push(learner);
    groups.set(learner.division, group);
  }
  const byName = (a: PendingLearner, b: PendingLearner) =>
    a.lastName.localeCompare(b.lastName, "fr") || a.firstName.localeCompare(b.firstName, "fr");
  return [...groups.values()]
    .map((group) => ({ ...group, newcomers: group.newcomers.sort(byName), others: group.others.sort(byName) }))
    .sort(
      (a, b) =>
        Number(b.newcomers.length > 0) - Number(a.newcomers.length > 0) ||
        a.division.localeCompare(b.division, "fr", { numeric: true }),
    );
}

/**
 * The rentrée banner: from 1 September until the school imports a base for the new school year.
 * Only for a school that imported in an earlier year (a new school has the checklist's first
 * steps instead).
 */
export function shouldShowRentreeBanner(lastImportAt: Date | null, now: Date): boolean {
  if (!lastImportAt) return false;
  return lastImportAt < rentreeOf(schoolYearOf(now));
}
