/**
 * A student who typed another class's code (docs/ux.md: the code is given per class): the
 * campaign is for one class and the student's learner is in another. A school-wide campaign
 * (no class) never mismatches. Divisions compare as staff and SIECLE write them, ignoring case
 * and spacing ("6e  a" is "6E A").
 */
export type ClassMismatch = { campaignDivision: string; learnerDivision: string };

function normalizeDivision(division: string): string {
  return division.trim().replace(/\s+/g, " ").toUpperCase();
}

export function findClassMismatch(campaignDivision: string | null, learnerDivision: string): ClassMismatch | null {
  if (campaignDivision === null || normalizeDivision(campaignDivision) === "") return null;
  if (normalizeDivision(campaignDivision) === normalizeDivision(learnerDivision)) return null;
  return { campaignDivision, learnerDivision };
}
