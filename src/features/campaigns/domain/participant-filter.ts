import { compareFrench } from "@/messages/fr/format";

import type { ParticipantFilter, ParticipantStatusFilter } from "../schema";
import type { ParticipationStatusName } from "./activity";

/** What the filters look at: a participant's class, status, name, and mastery once shared. */
export type FilterableParticipant = {
  firstName: string;
  lastName: string;
  division: string;
  status: ParticipationStatusName;
  /** Null until shared. */
  masteryRate: number | null;
};

const STATUS_OF: Record<Exclude<ParticipantStatusFilter, "all" | "not-started">, ParticipationStatusName> = {
  "in-progress": "STARTED",
  finished: "TO_SHARE",
  shared: "SHARED",
};

const byName = (a: { lastName: string; firstName: string }, b: { lastName: string; firstName: string }) =>
  compareFrench(a.lastName, b.lastName) || compareFrench(a.firstName, b.firstName);

/**
 * The participants a filter keeps, in the order it asks for: by name (French order), or by
 * mastery, highest first, those without a shared result last (then by name). "Pas commencé"
 * keeps no participant: it is about the class's learners who have none (`filterNotStarted`).
 */
export function filterParticipants<T extends FilterableParticipant>(rows: T[], filter: ParticipantFilter): T[] {
  if (filter.status === "not-started") return [];
  const status = filter.status === "all" ? null : STATUS_OF[filter.status];
  const kept = rows.filter(
    (row) => (!filter.division || row.division === filter.division) && (status === null || row.status === status),
  );
  if (filter.sort === "mastery") {
    return kept.sort((a, b) => {
      if (a.masteryRate === null || b.masteryRate === null) {
        return a.masteryRate === b.masteryRate ? byName(a, b) : a.masteryRate === null ? 1 : -1;
      }
      return b.masteryRate - a.masteryRate || byName(a, b);
    });
  }
  return kept.sort(byName);
}

/**
 * The class's learners with no participation yet, when the filter shows them: status "Tous" or
 * "Pas commencé", and the class asked for (a class campaign's learners are all of its class).
 */
export function filterNotStarted<T extends { firstName: string; lastName: string; division?: string }>(
  rows: T[],
  filter: ParticipantFilter,
): T[] {
  if (filter.status !== "all" && filter.status !== "not-started") return [];
  return rows
    .filter((row) => !filter.division || row.division === undefined || row.division === filter.division)
    .sort(byName);
}
