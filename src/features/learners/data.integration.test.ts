import { describe, expect, it } from "vitest";

import { authorizedSchoolId } from "../../../tests/factories/session";
import { prisma } from "@/lib/db";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { hasEnabledLearners, listLearners } from "./data";
import { LEARNERS_PAGE_SIZE, learnerListQuerySchema } from "./schema";

const query = (params: Record<string, string> = {}) => learnerListQuerySchema.parse(params);

async function participate(campaignId: number, learnerId: number, userId: number, createdAt: Date) {
  return prisma.participation.create({ data: { campaignId, learnerId, userId, createdAt } });
}

async function setup() {
  const school = await createSchool();
  const other = await createSchool();
  const owner = await createMember({ schoolId: school.id, role: "ADMIN" });
  const garUser = await createGarStudentUser({ garId: "ido-1" });
  const maelys = await createLearner(school.id, {
    firstName: "Maëlys",
    lastName: "BERTHELOT",
    division: "4E B",
    userId: garUser.id,
    birthdate: "2012-05-17",
  });
  const jules = await createLearner(school.id, { firstName: "Jules", lastName: "ADAM", division: "4E A" });
  const usage = await createLearner(school.id, {
    firstName: "Inès",
    lastName: "NAISSANCE",
    preferredLastName: "USAGE",
    division: "4E B",
  });
  await createLearner(school.id, { firstName: "Parti", lastName: "ZZ", division: "4E B", isDisabled: true });
  await createLearner(other.id, { firstName: "Maëlys", lastName: "AUTRE", division: "4E B" });
  const campaign1 = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "4E B" });
  const campaign2 = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "4E B" });
  await participate(campaign1.id, maelys.id, garUser.id, new Date("2026-09-10T08:00:00Z"));
  await participate(campaign2.id, maelys.id, garUser.id, new Date("2026-09-20T08:00:00Z"));
  // A deleted participation is not counted.
  await prisma.participation.create({
    data: { campaignId: campaign1.id, learnerId: maelys.id, userId: garUser.id, deletedAt: new Date() },
  });
  return {
    schoolId: await authorizedSchoolId(school.id),
    otherId: await authorizedSchoolId(other.id),
    maelys,
    jules,
    usage,
  };
}

describe("listLearners", () => {
  it("lists the school's enabled learners only, by name, with their aggregates", async () => {
    const { schoolId, maelys } = await setup();
    const page = await listLearners(schoolId, query());
    expect(page.total).toBe(3);
    expect(page.rows.map((row) => row.lastName)).toEqual(["ADAM", "BERTHELOT", "USAGE"]);
    const row = page.rows.find((learner) => learner.id === maelys.id)!;
    expect(row).toMatchObject({
      firstName: "Maëlys",
      birthdate: "2012-05-17",
      division: "4E B",
      hasJoined: true,
      connection: "GAR",
      participationCount: 2,
    });
    expect(row.lastParticipationAt?.toISOString()).toBe("2026-09-20T08:00:00.000Z");
    const jules = page.rows.find((learner) => learner.lastName === "ADAM")!;
    expect(jules).toMatchObject({
      hasJoined: false,
      connection: "NONE",
      participationCount: 0,
      lastParticipationAt: null,
    });
  });

  it("sorts names as people read them, accents and case ignored", async () => {
    const school = await createSchool();
    for (const lastName of ["BONNET", "BÉGUIN", "bernard", "ÉLIE", "DURAND"])
      await createLearner(school.id, { lastName });
    const page = await listLearners(await authorizedSchoolId(school.id), query());
    expect(page.rows.map((row) => row.lastName)).toEqual(["BÉGUIN", "bernard", "BONNET", "DURAND", "ÉLIE"]);
  });

  it("never shows another school's learners", async () => {
    const { otherId } = await setup();
    const page = await listLearners(otherId, query());
    expect(page.rows.map((row) => row.lastName)).toEqual(["AUTRE"]);
  });

  it("searches by name ignoring accents and case, word by word", async () => {
    const { schoolId } = await setup();
    expect((await listLearners(schoolId, query({ q: "maelys" }))).rows.map((row) => row.lastName)).toEqual([
      "BERTHELOT",
    ]);
    expect((await listLearners(schoolId, query({ q: "BER maël" }))).rows).toHaveLength(1);
    expect((await listLearners(schoolId, query({ q: "ines usage" }))).rows).toHaveLength(1);
    expect((await listLearners(schoolId, query({ q: "naissance" }))).rows).toHaveLength(1);
    expect((await listLearners(schoolId, query({ q: "%" }))).rows).toHaveLength(0);
  });

  it("filters by class, connection method and joined", async () => {
    const { schoolId } = await setup();
    expect((await listLearners(schoolId, query({ division: "4E B" }))).total).toBe(2);
    expect((await listLearners(schoolId, query({ connection: "GAR" }))).rows.map((row) => row.lastName)).toEqual([
      "BERTHELOT",
    ]);
    expect((await listLearners(schoolId, query({ connection: "NONE" }))).total).toBe(2);
    expect((await listLearners(schoolId, query({ joined: "yes" }))).total).toBe(1);
    expect(
      (await listLearners(schoolId, query({ joined: "no", division: "4E B" }))).rows.map((row) => row.lastName),
    ).toEqual(["USAGE"]);
  });

  it("paginates, and still reports the total past the last page", async () => {
    const school = await createSchool();
    const schoolId = await authorizedSchoolId(school.id);
    await prisma.learner.createMany({
      data: Array.from({ length: LEARNERS_PAGE_SIZE + 5 }, (_, i) => ({
        schoolId,
        nationalStudentId: `INE${String(i).padStart(8, "0")}`,
        firstName: "Élève",
        lastName: `NOM${String(i).padStart(3, "0")}`,
        birthdate: new Date("2012-01-01T00:00:00Z"),
        division: "6E A",
      })),
    });
    const first = await listLearners(schoolId, query());
    expect(first).toMatchObject({ total: LEARNERS_PAGE_SIZE + 5, pageCount: 2, page: 1 });
    expect(first.rows).toHaveLength(LEARNERS_PAGE_SIZE);
    const second = await listLearners(schoolId, query({ page: "2" }));
    expect(second.rows.map((row) => row.lastName)).toEqual(["NOM050", "NOM051", "NOM052", "NOM053", "NOM054"]);
    const beyond = await listLearners(schoolId, query({ page: "9" }));
    expect(beyond).toMatchObject({ rows: [], total: LEARNERS_PAGE_SIZE + 5, pageCount: 2 });
  });

  // Timing is for benchmarks (bench/), not tests: this checks paging and search at that size.
  it("pages and searches a 3,000-learner school", async () => {
    const school = await createSchool();
    const schoolId = await authorizedSchoolId(school.id);
    await prisma.learner.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        schoolId,
        nationalStudentId: `INE${String(i).padStart(8, "0")}`,
        firstName: `Prénom${i}`,
        lastName: `NOM${String(i).padStart(4, "0")}`,
        birthdate: new Date("2012-01-01T00:00:00Z"),
        division: `${6 - (i % 4)}E ${"ABCDEFGH"[i % 8]}`,
      })),
    });
    const page = await listLearners(schoolId, query({ page: "30", q: "nom" }));
    expect(page.total).toBe(3000);
    expect(page.rows).toHaveLength(LEARNERS_PAGE_SIZE);
  });
});

describe("hasEnabledLearners", () => {
  it("ignores disabled learners and other schools", async () => {
    const school = await createSchool();
    const other = await createSchool();
    await createLearner(other.id);
    await createLearner(school.id, { isDisabled: true });
    expect(await hasEnabledLearners(await authorizedSchoolId(school.id))).toBe(false);
    await createLearner(school.id);
    expect(await hasEnabledLearners(await authorizedSchoolId(school.id))).toBe(true);
  });
});
