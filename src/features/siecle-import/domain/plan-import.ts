/**
 * What a valid register does to a school's learners (docs/domain.md §3): newcomers are created,
 * known INEs updated in place (row ids never change, so participations and account links
 * survive), learners absent from the file disabled, never deleted.
 */

import { compareFrench } from "@/messages/fr/format";

import type { ExistingLearner, ImportPlan, RegisterLearner, SkippedCounts } from "../types";

/** Fields an import owns; everything else on a learner row (user link, ids) is never touched. */
export const IMPORTED_FIELDS = [
  "firstName",
  "middleName",
  "thirdName",
  "lastName",
  "preferredLastName",
  "sex",
  "birthdate",
  "birthCityCode",
  "birthCity",
  "birthProvinceCode",
  "birthCountryCode",
  "mefCode",
  "status",
  "division",
] as const satisfies readonly (keyof RegisterLearner & keyof ExistingLearner)[];

/** "6E 2" before "6E 10", accents and case ignored. */
export const sortDivisions = (divisions: Iterable<string>): string[] => [...new Set(divisions)].sort(compareFrench);

function hasChanged(existing: ExistingLearner, incoming: RegisterLearner): boolean {
  if (IMPORTED_FIELDS.some((field) => (existing[field] ?? null) !== (incoming[field] ?? null))) return true;
  // The CSV has no ELEVE_ID: it keeps the one a SIECLE import stored.
  return incoming.siecleStudentId !== null && incoming.siecleStudentId !== existing.siecleStudentId;
}

export function planImport(
  existingLearners: readonly ExistingLearner[],
  register: { learners: readonly RegisterLearner[]; skipped: SkippedCounts },
): ImportPlan {
  const existingByIne = new Map(existingLearners.map((l) => [l.nationalStudentId, l]));
  const presentIds = new Set<number>();
  const toCreate: RegisterLearner[] = [];
  const toUpdate: ImportPlan["toUpdate"] = [];
  let unchanged = 0;
  let reEnabled = 0;

  for (const learner of register.learners) {
    const existing = existingByIne.get(learner.nationalStudentId);
    if (!existing) {
      toCreate.push(learner);
      continue;
    }
    presentIds.add(existing.id);
    if (existing.isDisabled) {
      reEnabled++;
      toUpdate.push({ id: existing.id, learner });
    } else if (hasChanged(existing, learner)) {
      toUpdate.push({ id: existing.id, learner });
    } else {
      unchanged++;
    }
  }

  const toDisable = existingLearners.filter((l) => !l.isDisabled && !presentIds.has(l.id)).map((l) => l.id);
  const skipped = Object.values(register.skipped).reduce((sum, n) => sum + n, 0);

  return {
    toCreate,
    toUpdate,
    toDisable,
    unchanged,
    reEnabled,
    counts: { created: toCreate.length, updated: toUpdate.length, disabled: toDisable.length, skipped },
    skipped: { ...register.skipped },
    divisions: sortDivisions(register.learners.map((l) => l.division)),
  };
}
