import studentsFile from "./students.json" with { type: "json" };

/** The SIECLE record a fixture student mirrors (what the school imported). */
export type SiecleMirror = {
  nationalStudentId: string;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  preferredLastName: string | null;
  /** ISO date. */
  birthdate: string;
  division: string;
};

/** A student as the GAR knows them: what the stand-in sends, plus hints for testers. */
export type FixtureStudent = {
  key: string;
  /** The IDO (also the `sub`). */
  ido: string;
  firstName: string;
  lastName: string;
  uai: string;
  /** GAR-style `code##label`. */
  division: string;
  /**
   * The profile (PRO) the stand-in sends; `National_elv` when absent, not sent at all when null.
   * An empty `uai` is not sent either: tests use both for identities the app must refuse.
   */
  profile?: string | null;
  /** Whether the school's GAR assignment manager gave this student the Pix resource. */
  assigned: boolean;
  /** The date the student types; never sent by the GAR. ISO date. */
  birthdate: string;
  note?: string;
  /** Null for a student absent from the SIECLE import. */
  siecle: SiecleMirror | null;
};

export const DEMO_UAI = "0999001W";

export const fixtureStudents: readonly FixtureStudent[] = studentsFile.students as FixtureStudent[];

export function findFixtureStudent(key: string): FixtureStudent {
  const student = fixtureStudents.find((candidate) => candidate.key === key);
  if (!student) throw new Error(`No fixture student "${key}" in tests/gar/students.json`);
  return student;
}
