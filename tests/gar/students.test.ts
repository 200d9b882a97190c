import { describe, expect, it } from "vitest";
import { findMatchingLearner, normalizeName } from "@/features/accounts/domain/reconciliation";
import { fixtureStudents } from "./students";

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
    expect(differing.some((student) => normalizeName(student.firstName) === normalizeName(student.siecle!.firstName))).toBe(true);
    expect(differing.some((student) => student.lastName === student.siecle!.preferredLastName)).toBe(true);
    expect(differing.some((student) => student.firstName === student.siecle!.middleName)).toBe(true);
    expect(differing.some((student) => student.siecle!.lastName.includes("-") && !student.lastName.includes("-"))).toBe(true);

    const absent = fixtureStudents.filter((student) => student.siecle === null);
    expect(absent).toHaveLength(1);
    expect(findMatchingLearner(absent[0]!, base.filter((record) => record.birthdate === absent[0]!.birthdate))).toEqual({
      status: "NOT_FOUND",
    });
    expect(fixtureStudents.filter((student) => !student.assigned)).toHaveLength(1);
  });
});
