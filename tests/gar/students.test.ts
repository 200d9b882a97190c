import { describe, expect, it } from "vitest";
import {
  findMatchingLearner,
  namesMatchExactly,
  normalizeName,
} from "@/features/student-accounts/domain/reconciliation";
import { DEMO_UAI, findFixtureStudent, fixtureStudents } from "./students";

const base = fixtureStudents
  .filter((student) => student.siecle !== null && !student.key.endsWith("-nouvel-ido"))
  .map((student, index) => ({ id: index + 1, key: student.key, ...student.siecle! }));

describe("fixture students", () => {
  it("mirror the 57 importable records of the demo SIECLE base, each once", () => {
    expect(base).toHaveLength(57);
    expect(new Set(base.map((record) => record.nationalStudentId)).size).toBe(57);
    expect(new Set(fixtureStudents.map((student) => student.ido)).size).toBe(fixtureStudents.length);
  });

  it("each match their own SIECLE record by birth date and names", () => {
    for (const student of fixtureStudents.filter((candidate) => candidate.siecle)) {
      const candidates = base.filter((record) => record.birthdate === student.birthdate);
      const result = findMatchingLearner(student, candidates);
      const expected = base.find((record) => record.nationalStudentId === student.siecle?.nationalStudentId);
      expect(result, student.key).toEqual({ status: "MATCHED", learnerId: expected?.id });
    }
  });

  it("include names written differently from SIECLE, a student absent from the import and one not assigned", () => {
    const differing = fixtureStudents.filter(
      (student) =>
        student.siecle &&
        (student.firstName !== student.siecle.firstName || student.lastName !== student.siecle.lastName),
    );
    expect(differing.length).toBeGreaterThanOrEqual(8);
    expect(
      differing.some((student) => normalizeName(student.firstName) === normalizeName(student.siecle!.firstName)),
    ).toBe(true);
    expect(differing.some((student) => student.lastName === student.siecle!.preferredLastName)).toBe(true);
    expect(differing.some((student) => student.firstName === student.siecle!.middleName)).toBe(true);
    expect(differing.some((student) => student.siecle!.lastName.includes("-") && !student.lastName.includes("-"))).toBe(
      true,
    );

    const absent = fixtureStudents.filter((student) => student.siecle === null && student.uai === DEMO_UAI);
    expect(absent).toHaveLength(1);
    expect(
      findMatchingLearner(
        absent[0]!,
        base.filter((record) => record.birthdate === absent[0]!.birthdate),
      ),
    ).toEqual({
      status: "NOT_FOUND",
    });
    expect(fixtureStudents.filter((student) => !student.assigned)).toHaveLength(1);
  });

  it("include an identity of another school that only the tolerant pass would match to Côme MÜLLER (the takeover attempt)", () => {
    const attacker = findFixtureStudent("come-mullar-autre-college");
    const come = findFixtureStudent("come-muller");
    expect(attacker).toMatchObject({ uai: "0999002X", siecle: null, birthdate: come.birthdate, assigned: true });
    expect(attacker.uai).not.toBe(DEMO_UAI);
    const candidates = base.filter((record) => record.birthdate === attacker.birthdate);
    const comeRecord = base.find((record) => record.key === come.key);
    expect(findMatchingLearner(attacker, candidates)).toEqual({ status: "MATCHED", learnerId: comeRecord?.id });
    expect(namesMatchExactly(attacker, comeRecord!)).toBe(false);
  });
});
