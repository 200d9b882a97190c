/**
 * A newcomer of the import who already has a Pix account through another school ("school
 * changer", docs/domain.md §3): the new row arrives linked to that account only when the other
 * school's learner has the same INE, the same birth date AND names equal after normalisation —
 * the same strict rule as an IDO replacement (student-accounts/domain/reconciliation.ts), so that a
 * forged row (someone else's INE and birth date under another name) cannot attach another
 * school's pupil.
 */
import { namesMatchExactly, type ReconciliationCandidate } from "@/features/student-accounts/domain/reconciliation";

/** A row just created by the import. */
export type NewLearnerRow = {
  id: number;
  nationalStudentId: string;
  /** ISO calendar date. */
  birthdate: string;
  firstName: string;
  lastName: string;
  preferredLastName: string | null;
};

/** A learner of another school, linked to an account; listed most recently updated first. */
export type LinkedLearnerElsewhere = ReconciliationCandidate & {
  schoolId: number;
  userId: number;
  nationalStudentId: string;
  birthdate: string;
};

export type SchoolChangerLink = { learnerId: number; userId: number; sourceLearnerId: number; sourceSchoolId: number };

function sameNames(row: NewLearnerRow, other: LinkedLearnerElsewhere): boolean {
  const lastNames = [row.lastName, row.preferredLastName].filter((name): name is string => Boolean(name));
  return lastNames.some((lastName) => namesMatchExactly({ firstName: row.firstName, lastName }, other));
}

/** For each new row, the first (most recent) matching learner elsewhere gives the account. */
export function pickSchoolChangerLinks(
  rows: readonly NewLearnerRow[],
  elsewhere: readonly LinkedLearnerElsewhere[],
): SchoolChangerLink[] {
  const links: SchoolChangerLink[] = [];
  for (const row of rows) {
    const source = elsewhere.find(
      (other) =>
        other.nationalStudentId === row.nationalStudentId && other.birthdate === row.birthdate && sameNames(row, other),
    );
    if (source)
      links.push({
        learnerId: row.id,
        userId: source.userId,
        sourceLearnerId: source.id,
        sourceSchoolId: source.schoolId,
      });
  }
  return links;
}
