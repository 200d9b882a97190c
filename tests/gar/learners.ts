/**
 * Creates, in the test/e2e/bench database, the learners the fixture students mirror (the demo
 * school's SIECLE records), through the shared factories' data shape.
 */
import type { DbClient } from "../../src/lib/db";
import { type FixtureStudent, fixtureStudents } from "./students";

export async function createFixtureLearners(
  db: DbClient,
  schoolId: number,
  students: readonly FixtureStudent[] = fixtureStudents,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const student of students) {
    const record = student.siecle;
    if (!record) continue;
    const existing = seen.get(record.nationalStudentId);
    if (existing !== undefined) {
      ids.set(student.key, existing);
      continue;
    }
    const learner = await db.learner.upsert({
      where: { schoolId_nationalStudentId: { schoolId, nationalStudentId: record.nationalStudentId } },
      update: {},
      create: {
        schoolId,
        nationalStudentId: record.nationalStudentId,
        firstName: record.firstName,
        middleName: record.middleName,
        thirdName: record.thirdName,
        lastName: record.lastName,
        preferredLastName: record.preferredLastName,
        birthdate: new Date(`${record.birthdate}T00:00:00Z`),
        division: record.division,
        status: "ST",
      },
      select: { id: true },
    });
    seen.set(record.nationalStudentId, learner.id);
    ids.set(student.key, learner.id);
  }
  return ids;
}
