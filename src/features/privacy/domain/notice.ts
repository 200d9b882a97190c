import type { DataSubject, TableEntry } from "../inventory";

/** The order in which the notice speaks of people: the pupil first. */
const SUBJECT_ORDER: DataSubject[] = ["learner", "student-account", "staff", "school"];

export type NoticeSection = { about: DataSubject; entries: TableEntry[] };

/**
 * What the privacy notice lists, from the inventory: every table about a person, and the school's
 * tables that hold personal data; technical tables without any are left out. Grouped by whom
 * the data is about, in a fixed order.
 */
export function buildNoticeSections(inventory: readonly TableEntry[]): NoticeSection[] {
  const listed = inventory.filter(
    (entry) =>
      entry.about !== "none" &&
      (entry.about !== "school" || Object.values(entry.columns).some((column) => column.personal)),
  );
  return SUBJECT_ORDER.map((about) => ({ about, entries: listed.filter((entry) => entry.about === about) })).filter(
    (section) => section.entries.length > 0,
  );
}
