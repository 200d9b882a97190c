/**
 * Matching a GAR identity to an imported learner ("réconciliation", docs/domain.md §5).
 *
 * The GAR sends no INE and no birth date, so the student types their birth date and the names
 * the GAR sent are compared with the SIECLE record. Names are written differently in the two
 * systems (accents, usage name, hyphens, second given name), hence the normalisation and the
 * tolerant pass; a wrong link would show one child's results to another, hence "exactly one
 * candidate or nothing".
 */

/** An enabled learner of the campaign's school born on the date the student typed. */
export type ReconciliationCandidate = {
  id: number;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  preferredLastName: string | null;
};

export type GarNames = { firstName: string; lastName: string };

export type ReconciliationResult =
  | { status: "MATCHED"; learnerId: number }
  | { status: "NOT_FOUND" }
  /** Several learners fit equally well: treated as "not found" for the student, but logged. */
  | { status: "AMBIGUOUS"; candidateCount: number };

/** Inclusive: a distance of exactly a quarter of the GAR name's length still matches. */
export const TOLERANT_MAX_RATIO = 0.25;

// Letters NFD does not decompose into a base letter plus a combining mark.
const LIGATURES: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

/** Lower-case, accents removed, ligatures expanded, spaces and punctuation removed. */
export function normalizeName(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[œæßøđðłþı]/g, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const insertion = (current[j - 1] ?? 0) + 1;
      const deletion = (previous[j] ?? 0) + 1;
      current.push(Math.min(substitution, insertion, deletion));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Distance divided by the length of the GAR name (not the SIECLE one), as Pix does: the GAR
 * name is what the student is, the record is what we try to find.
 */
export function nameDistanceRatio(garName: string, recordName: string): number {
  if (garName.length === 0) return Number.POSITIVE_INFINITY;
  return levenshteinDistance(garName, recordName) / garName.length;
}

type NormalizedCandidate = {
  id: number;
  givenNames: [string | null, string | null, string | null];
  lastNames: string[];
};

function normalizeOptional(value: string | null): string | null {
  if (value === null) return null;
  const normalized = normalizeName(value);
  return normalized.length > 0 ? normalized : null;
}

function normalizeCandidate(candidate: ReconciliationCandidate): NormalizedCandidate {
  const lastNames = [candidate.lastName, candidate.preferredLastName]
    .map((name) => normalizeOptional(name))
    .filter((name): name is string => name !== null);
  return {
    id: candidate.id,
    givenNames: [
      normalizeOptional(candidate.firstName),
      normalizeOptional(candidate.middleName),
      normalizeOptional(candidate.thirdName),
    ],
    lastNames,
  };
}

function isClose(garName: string, recordName: string | null, maxRatio: number): boolean {
  if (recordName === null) return false;
  if (maxRatio === 0) return garName === recordName;
  return nameDistanceRatio(garName, recordName) <= maxRatio;
}

function fits(
  garFirstName: string,
  garLastName: string,
  candidate: NormalizedCandidate,
  slot: 0 | 1 | 2,
  maxRatio: number,
): boolean {
  return (
    isClose(garFirstName, candidate.givenNames[slot], maxRatio) &&
    candidate.lastNames.some((lastName) => isClose(garLastName, lastName, maxRatio))
  );
}

/**
 * The strict rule (docs/domain.md §5), for decisions the tolerant pass must never make alone:
 * replacing the IDO of an account already linked to the learner, and linking a school
 * changer's new SIECLE row to the account of their previous school. The names are equal after
 * normalisation — the first name to the first, second or third given name, the last name to the
 * family or usage name — with no tolerance at all.
 */
export function namesMatchExactly(garNames: GarNames, candidate: ReconciliationCandidate): boolean {
  const garFirstName = normalizeName(garNames.firstName);
  const garLastName = normalizeName(garNames.lastName);
  if (garFirstName.length === 0 || garLastName.length === 0) return false;
  const normalized = normalizeCandidate(candidate);
  return ([0, 1, 2] as const).some((slot) => fits(garFirstName, garLastName, normalized, slot, 0));
}

/**
 * Exact pass, then tolerant pass; within a pass the GAR first name is tried against the first,
 * then the second, then the third given name, and the GAR last name against the family or the
 * usage name. The first step that keeps exactly one candidate wins; a step keeping several
 * stops the search (ambiguous), since a later, looser step could only pick one arbitrarily.
 */
export function findMatchingLearner(
  garNames: GarNames,
  candidates: readonly ReconciliationCandidate[],
): ReconciliationResult {
  const garFirstName = normalizeName(garNames.firstName);
  const garLastName = normalizeName(garNames.lastName);
  if (garFirstName.length === 0 || garLastName.length === 0 || candidates.length === 0) {
    return { status: "NOT_FOUND" };
  }
  const normalized = candidates.map(normalizeCandidate);

  for (const maxRatio of [0, TOLERANT_MAX_RATIO]) {
    for (const slot of [0, 1, 2] as const) {
      const kept = normalized.filter((candidate) => fits(garFirstName, garLastName, candidate, slot, maxRatio));
      if (kept.length === 1 && kept[0]) return { status: "MATCHED", learnerId: kept[0].id };
      if (kept.length > 1) return { status: "AMBIGUOUS", candidateCount: kept.length };
    }
  }
  return { status: "NOT_FOUND" };
}
