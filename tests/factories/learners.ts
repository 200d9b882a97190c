import { prisma } from "../../src/lib/db";

let sequence = 0;

export type LearnerOverrides = Partial<{
  nationalStudentId: string;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  preferredLastName: string | null;
  birthdate: string;
  division: string;
  isDisabled: boolean;
  userId: number | null;
  sex: string;
}>;

/** `birthdate` as YYYY-MM-DD. */
export async function createLearner(schoolId: number, overrides: LearnerOverrides = {}) {
  const n = ++sequence;
  return prisma.learner.create({
    data: {
      schoolId,
      nationalStudentId: overrides.nationalStudentId ?? `${String(100000000 + n).padStart(10, "0")}T`,
      firstName: overrides.firstName ?? `Élève${n}`,
      middleName: overrides.middleName ?? null,
      thirdName: overrides.thirdName ?? null,
      lastName: overrides.lastName ?? `TEST${n}`,
      preferredLastName: overrides.preferredLastName ?? null,
      sex: overrides.sex ?? "F",
      birthdate: new Date(`${overrides.birthdate ?? "2012-03-04"}T00:00:00Z`),
      birthCountryCode: "100",
      birthCityCode: "75056",
      status: "ST",
      mefCode: "10010012110",
      division: overrides.division ?? "6E A",
      isDisabled: overrides.isDisabled ?? false,
      userId: overrides.userId ?? null,
    },
  });
}

export async function createGarStudentUser(options: { garId: string; firstName?: string; lastName?: string }) {
  return prisma.user.create({
    data: {
      firstName: options.firstName ?? "Léa",
      lastName: options.lastName ?? "MARTIN",
      authenticationMethods: {
        create: {
          provider: "GAR",
          externalId: options.garId,
          firstName: options.firstName ?? "Léa",
          lastName: options.lastName ?? "MARTIN",
        },
      },
    },
  });
}

/**
 * A learner as a SIECLE import would have created it (the demo base's pupils), unless the school
 * already has one with this INE: an arrangement that several journeys can repeat.
 */
export async function ensureSiecleLearner(
  schoolId: number,
  record: {
    nationalStudentId: string;
    firstName: string;
    middleName?: string | null;
    thirdName?: string | null;
    lastName: string;
    preferredLastName?: string | null;
    birthdate: string;
    division: string;
  },
) {
  await prisma.learner.createMany({
    data: [
      {
        schoolId,
        nationalStudentId: record.nationalStudentId,
        firstName: record.firstName,
        middleName: record.middleName ?? null,
        thirdName: record.thirdName ?? null,
        lastName: record.lastName,
        preferredLastName: record.preferredLastName ?? null,
        birthdate: new Date(`${record.birthdate}T00:00:00Z`),
        division: record.division,
        status: "ST",
      },
    ],
    skipDuplicates: true,
  });
}
