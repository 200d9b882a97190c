import type { CsvCell } from "../../domain/csv";
import type { NotJoinedEntry } from "../types";

export type NotJoinedLabels = {
  headers: { division: string; lastName: string; firstName: string; birthdate: string; garSignIn: string };
  yes: string;
  no: string;
};

/** 2013-04-02 → 02/04/2013: a calendar day, read as written (no time zone can shift it). */
export function formatCalendarDay(isoDay: string): string {
  const [year, month, day] = isoDay.split("-");
  return `${day}/${month}/${year}`;
}

/** The CSV of the learners not joined yet: class, last name, first name, birth date, GAR sign-in (Oui/Non). */
export function buildNotJoinedTable(
  learners: NotJoinedEntry[],
  labels: NotJoinedLabels,
): { headers: string[]; rows: CsvCell[][] } {
  const { headers } = labels;
  return {
    headers: [headers.division, headers.lastName, headers.firstName, headers.birthdate, headers.garSignIn],
    rows: learners.map((learner) => [
      learner.division,
      learner.lastName,
      learner.firstName,
      formatCalendarDay(learner.birthdate),
      learner.hasSignedInWithGar ? labels.yes : labels.no,
    ]),
  };
}

/** "pas-encore-rejoint-5E-B-QWERTY234.csv": the class's name kept readable, nothing a header could choke on. */
export function notJoinedFileName(division: string | null, code: string): string {
  const slug = (division ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `pas-encore-rejoint-${slug ? `${slug}-` : ""}${code}.csv`;
}
