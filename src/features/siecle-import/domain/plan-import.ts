/**
 * What a valid register does to a school's learners (docs/domain.md §3): newcomers are created,
 * known INEs updated in place (row ids never change, so participations and account links
 * survive), learners absent from the file disabled, never deleted.
 */

import { compareFrench } from "@/messages/fr/format";

import {
  type ExistingLearner,
  type ImportedField,
  type ImportPlan,
  type LearnerChange,
  LISTED_DETAILS_LIMIT,
  type RegisterLearner,
  type SkippedCounts,
  type SkippedStudent,
} from "../types";

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
] as const satisfies readonly ImportedField[];

/** "6E 2" before "6E 10", accents and case ignored. */
export const sortDivisions = (divisions: Iterable<string>): string[] => [...new Set(divisions)].sort(compareFrench);

function changedFields(existing: ExistingLearner, incoming: RegisterLearner): LearnerChange["fields"] {
  return IMPORTED_FIELDS.filter((field) => (existing[field] ?? null) !== (incoming[field] ?? null)).map((field) => ({
    field,
    before: existing[field] ?? null,
    after: incoming[field] ?? null,
  }));
}

function describeChange(existing: ExistingLearner, fields: LearnerChange["fields"]): LearnerChange {
  return {
    learnerId: existing.id,
    name: `${existing.firstName} ${existing.preferredLastName ?? existing.lastName}`,
    division: existing.division,
    reEnabled: existing.isDisabled,
    fields,
  };
}

function hasChanged(existing: ExistingLearner, incoming: RegisterLearner, fields: LearnerChange["fields"]): boolean {
  if (fields.length > 0) return true;
  // The CSV has no ELEVE_ID: it keeps the one a SIECLE import stored.
  return incoming.siecleStudentId !== null && incoming.siecleStudentId !== existing.siecleStudentId;
}

export function planImport(
  existingLearners: readonly ExistingLearner[],
  register: {
    learners: readonly RegisterLearner[];
    skipped: SkippedCounts;
    skippedStudents: readonly SkippedStudent[];
  },
): ImportPlan {
  const existingByIne = new Map(existingLearners.map((l) => [l.nationalStudentId, l]));
  const presentIds = new Set<number>();
  const toCreate: RegisterLearner[] = [];
  const toUpdate: ImportPlan["toUpdate"] = [];
  const changes: LearnerChange[] = [];
  let unchanged = 0;
  let reEnabled = 0;

  for (const learner of register.learners) {
    const existing = existingByIne.get(learner.nationalStudentId);
    if (!existing) {
      toCreate.push(learner);
      continue;
    }
    presentIds.add(existing.id);
    const fields = changedFields(existing, learner);
    if (existing.isDisabled) {
      reEnabled++;
      toUpdate.push({ id: existing.id, learner });
      changes.push(describeChange(existing, fields));
    } else if (hasChanged(existing, learner, fields)) {
      toUpdate.push({ id: existing.id, learner });
      // A new ELEVE_ID alone is bookkeeping the staff never see: no line for it.
      if (fields.length > 0) changes.push(describeChange(existing, fields));
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
    skippedStudents: [...register.skippedStudents],
    changes: changes
      .sort((a, b) => compareFrench(a.division, b.division) || compareFrench(a.name, b.name))
      .slice(0, LISTED_DETAILS_LIMIT),
    divisions: sortDivisions(register.learners.map((l) => l.division)),
  };
}
