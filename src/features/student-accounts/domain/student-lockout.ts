import { normalizeName } from "./reconciliation";

/**
 * A blocked pupil is an unknown GAR identity: the staff recognise them by the GAR names. When
 * those names (normalised as for the reconciliation) fit exactly one learner of the school, the
 * Élèves page can flag that learner's line.
 */
export type LearnerNames = { id: number; firstName: string; lastName: string; preferredLastName: string | null };

export function learnerOfBlockedIdentity(
  names: { firstName: string; lastName: string },
  learners: LearnerNames[],
): number | null {
  const firstName = normalizeName(names.firstName);
  const lastName = normalizeName(names.lastName);
  if (!firstName || !lastName) return null;
  const matches = learners.filter(
    (learner) =>
      normalizeName(learner.firstName) === firstName &&
      (normalizeName(learner.lastName) === lastName ||
        (learner.preferredLastName !== null && normalizeName(learner.preferredLastName) === lastName)),
  );
  return matches.length === 1 ? matches[0]!.id : null;
}
