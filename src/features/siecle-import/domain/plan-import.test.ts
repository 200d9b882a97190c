import { describe, expect, it } from "vitest";
import type { ExistingLearner, RegisterLearner } from "../types";
import { planImport, sortDivisions } from "./plan-import";
import { noSkips } from "./read-register";

const learner = (ine: string, overrides: Partial<RegisterLearner> = {}): RegisterLearner => ({
  nationalStudentId: ine,
  siecleStudentId: `id-${ine}`,
  firstName: "Maëlys",
  middleName: null,
  thirdName: null,
  lastName: "BERTHELOT",
  preferredLastName: null,
  sex: "F",
  birthdate: "2011-02-03",
  birthCityCode: "69123",
  birthCity: null,
  birthProvinceCode: "069",
  birthCountryCode: "100",
  mefCode: "10310019110",
  status: "ST",
  division: "4E B",
  ...overrides,
});

const existing = (id: number, ine: string, overrides: Partial<ExistingLearner> = {}): ExistingLearner => ({
  ...learner(ine),
  id,
  isDisabled: false,
  ...overrides,
});

const register = (learners: RegisterLearner[], skipped = noSkips()) => ({ learners, skipped, skippedStudents: [] });

describe("planning an import", () => {
  it("creates every learner of a first import and lists its classes in natural order", () => {
    const plan = planImport(
      [],
      register([
        learner("A", { division: "6E 10" }),
        learner("B", { division: "6E 2" }),
        learner("C", { division: "5E 1" }),
      ]),
    );
    expect(plan.counts).toEqual({ created: 3, updated: 0, disabled: 0, skipped: 0 });
    expect(plan.toCreate.map((l) => l.nationalStudentId)).toEqual(["A", "B", "C"]);
    expect(plan.divisions).toEqual(["5E 1", "6E 2", "6E 10"]);
  });

  it("changes nothing when the same file comes again", () => {
    const plan = planImport([existing(1, "A"), existing(2, "B")], register([learner("A"), learner("B")]));
    expect(plan.counts).toEqual({ created: 0, updated: 0, disabled: 0, skipped: 0 });
    expect(plan.unchanged).toBe(2);
    expect(plan.toUpdate).toEqual([]);
  });

  it("updates changed learners in place, keeping their row id", () => {
    const plan = planImport(
      [existing(7, "A"), existing(8, "B")],
      register([learner("A", { division: "3E A" }), learner("B")]),
    );
    expect(plan.toUpdate).toEqual([{ id: 7, learner: learner("A", { division: "3E A" }) }]);
    expect(plan.counts.updated).toBe(1);
  });

  it("disables learners absent from the file, once, and never deletes them", () => {
    const plan = planImport(
      [existing(1, "A"), existing(2, "GONE"), existing(3, "LONG_GONE", { isDisabled: true })],
      register([learner("A")]),
    );
    expect(plan.toDisable).toEqual([2]);
    expect(plan.counts.disabled).toBe(1);
  });

  it("re-enables a returning learner, even with unchanged data", () => {
    const plan = planImport([existing(5, "BACK", { isDisabled: true })], register([learner("BACK")]));
    expect(plan.toUpdate.map((u) => u.id)).toEqual([5]);
    expect(plan.reEnabled).toBe(1);
    expect(plan.counts).toEqual({ created: 0, updated: 1, disabled: 0, skipped: 0 });
  });

  it("keeps the stored ELEVE_ID when a CSV (which has none) brings the same data", () => {
    const plan = planImport([existing(1, "A")], register([learner("A", { siecleStudentId: null })]));
    expect(plan.unchanged).toBe(1);
    const moved = planImport([existing(1, "A")], register([learner("A", { siecleStudentId: "other" })]));
    expect(moved.counts.updated).toBe(1);
  });

  it("treats stored nulls and absent values alike", () => {
    const plan = planImport([existing(1, "A", { birthCity: null, sex: "F" })], register([learner("A")]));
    expect(plan.unchanged).toBe(1);
  });

  it("lists each updated learner with every changed field, before and after, in class then name order", () => {
    const plan = planImport(
      [
        existing(1, "A", { firstName: "Zoé", division: "4E B" }),
        existing(2, "B", { firstName: "Adam", lastName: "MARTIN", preferredLastName: "ROUX" }),
        existing(3, "BACK", { firstName: "Inès", isDisabled: true, division: "3E A" }),
        existing(4, "SAME"),
        existing(5, "NEW_ID"),
      ],
      register([
        learner("A", { firstName: "Zoé", division: "4E C", birthdate: "2011-02-04" }),
        learner("B", { firstName: "Adam", lastName: "MARTIN", preferredLastName: null }),
        learner("BACK", { firstName: "Inès", division: "3E A" }),
        learner("SAME"),
        learner("NEW_ID", { siecleStudentId: "another" }),
      ]),
    );
    expect(plan.counts.updated).toBe(4);
    // The ELEVE_ID alone is bookkeeping: updated, but no line for the staff.
    expect(plan.changes).toEqual([
      { learnerId: 3, name: "Inès BERTHELOT", division: "3E A", reEnabled: true, fields: [] },
      {
        learnerId: 2,
        name: "Adam ROUX",
        division: "4E B",
        reEnabled: false,
        fields: [{ field: "preferredLastName", before: "ROUX", after: null }],
      },
      {
        learnerId: 1,
        name: "Zoé BERTHELOT",
        division: "4E B",
        reEnabled: false,
        fields: [
          { field: "birthdate", before: "2011-02-03", after: "2011-02-04" },
          { field: "division", before: "4E B", after: "4E C" },
        ],
      },
    ]);
  });

  it("lists at most 100 changes, the count staying exact", () => {
    const ines = Array.from({ length: 130 }, (_, i) => `INE${String(i).padStart(3, "0")}`);
    const plan = planImport(
      ines.map((ine, i) => existing(i + 1, ine)),
      register(ines.map((ine) => learner(ine, { division: "3E Z" }))),
    );
    expect(plan.counts.updated).toBe(130);
    expect(plan.changes).toHaveLength(100);
  });

  it("adds up the skipped records of every reason", () => {
    const plan = planImport(
      [],
      register([learner("A")], { LEFT_SCHOOL: 3, NO_NATIONAL_STUDENT_ID: 2, NO_DIVISION: 1 }),
    );
    expect(plan.counts.skipped).toBe(6);
    expect(plan.skipped).toEqual({ LEFT_SCHOOL: 3, NO_NATIONAL_STUDENT_ID: 2, NO_DIVISION: 1 });
  });

  // Speed is measured by bench/siecle-import.ts, not asserted here; this checks the large case is right.
  it("plans 20,000 learners", () => {
    const many = Array.from({ length: 20_000 }, (_, i) => learner(`INE${i}`, { division: `D${i % 80}` }));
    const stored = many.slice(0, 18_000).map((l, i) => ({ ...l, id: i + 1, isDisabled: false }));
    const plan = planImport(stored, register(many));
    expect(plan.counts).toEqual({ created: 2000, updated: 0, disabled: 0, skipped: 0 });
    expect(plan.divisions).toHaveLength(80);
  });
});

describe("class order", () => {
  it("sorts numerically, ignoring case and accents, without duplicates", () => {
    expect(sortDivisions(["6E 10", "6E 2", "6E 2", "5e a", "Écho", "ALPHA", "5E B"])).toEqual([
      "5e a",
      "5E B",
      "6E 2",
      "6E 10",
      "ALPHA",
      "Écho",
    ]);
  });
});
