import { describe, expect, it } from "vitest";

import { authorizedSchoolId } from "../../../tests/factories/session";
import { prisma } from "@/lib/db";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { campaignSchoolId, createSharedParticipation } from "../../../tests/factories/runner";
import { getLearnerDetail, hasEnabledLearners, listLearners } from "./data";
import { LEARNERS_PAGE_SIZE, learnerListQuerySchema } from "./schema";

const query = (params: Record<string, string> = {}) => learnerListQuerySchema.parse(params);

async function participate(campaignId: number, learnerId: number, userId: number, createdAt: Date) {
  return prisma.participation.create({
    data: { schoolId: await campaignSchoolId(campaignId), campaignId, learnerId, userId, createdAt },
  });
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
    data: {
      schoolId: school.id,
      campaignId: campaign1.id,
      learnerId: maelys.id,
      userId: garUser.id,
      deletedAt: new Date(),
    },
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

  it("shows the birth name beside a different usage name, and says why a search matched", async () => {
    const { schoolId, usage, maelys } = await setup();
    const all = await listLearners(schoolId, query());
    expect(all.rows.find((row) => row.id === usage.id)).toMatchObject({
      lastName: "USAGE",
      birthLastName: "NAISSANCE",
      matchedBy: [],
    });
    expect(all.rows.find((row) => row.id === maelys.id)).toMatchObject({ birthLastName: null, matchedBy: [] });
    expect((await listLearners(schoolId, query({ q: "naissance" }))).rows).toEqual([
      expect.objectContaining({ id: usage.id, matchedBy: ["BIRTH_NAME"] }),
    ]);
    expect((await listLearners(schoolId, query({ q: "usage" }))).rows).toEqual([
      expect.objectContaining({ id: usage.id, matchedBy: [] }),
    ]);
  });

  it("finds a learner by a whole INE for those who may reveal INEs only, and never returns it", async () => {
    const { schoolId } = await setup();
    const chloe = await createLearner(schoolId, {
      firstName: "Chloé",
      lastName: "BONNET",
      nationalStudentId: "070802345AB",
    });
    const byIne = await listLearners(schoolId, query({ q: "070802345ab" }), { canSearchIne: true });
    expect(byIne.rows).toEqual([expect.objectContaining({ id: chloe.id, matchedBy: ["INE"] })]);
    expect(JSON.stringify(byIne)).not.toContain("070802345");
    expect((await listLearners(schoolId, query({ q: "070802345AB" }))).rows).toEqual([]);
    expect((await listLearners(schoolId, query({ q: "0708023" }), { canSearchIne: true })).rows).toEqual([]);
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

async function arrangeLearnerPage() {
  const school = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const user = await createGarStudentUser({
    garId: `IDO-PAGE-${Date.now()}`,
    firstName: "Maëlys",
    lastName: "BERTHELOT",
  });
  await prisma.user.update({ where: { id: user.id }, data: { lastLoggedAt: new Date("2026-09-15T08:30:00Z") } });
  const learner = await createLearner(school.id, {
    nationalStudentId: "1234567890A",
    firstName: "Maëlys",
    middleName: "Jeanne",
    lastName: "BERTHELOT",
    preferredLastName: "MARTIN",
    birthdate: "2012-05-17",
    division: "5E B",
    userId: user.id,
  });
  const shared = await createCampaign({
    schoolId: school.id,
    ownerId: admin.userId,
    division: "5E B",
    name: "Rentrée",
  });
  const started = await createCampaign({
    schoolId: school.id,
    ownerId: admin.userId,
    division: "5E B",
    name: "Sécurité",
  });
  const sharedParticipation = await createSharedParticipation({
    campaignId: shared.id,
    learnerId: learner.id,
    userId: user.id,
    masteryRate: 0.75,
  });
  const startedParticipation = await prisma.participation.create({
    data: { schoolId: school.id, campaignId: started.id, learnerId: learner.id, userId: user.id, masteryRate: 0.4 },
  });
  const schoolId = await authorizedSchoolId(school.id, { userId: admin.userId });
  return { school, admin, teacher, user, learner, schoolId, sharedParticipation, startedParticipation };
}

describe("the learner page", () => {
  it("shows identity with the INE masked, the connection and every participation, mastery only once shared", async () => {
    const { schoolId, learner, sharedParticipation, startedParticipation } = await arrangeLearnerPage();
    const detail = await getLearnerDetail(schoolId, learner.id);
    expect(detail).toMatchObject({
      firstName: "Maëlys",
      middleName: "Jeanne",
      lastName: "BERTHELOT",
      preferredLastName: "MARTIN",
      birthdate: "2012-05-17",
      division: "5E B",
      maskedIne: "•••••••••0A",
      connection: "GAR",
      hasJoined: true,
      lastConnectionAt: new Date("2026-09-15T08:30:00Z"),
    });
    expect(JSON.stringify(detail)).not.toContain("1234567890A");
    const byId = new Map(detail!.participations.map((row) => [row.participationId, row]));
    expect(byId.get(sharedParticipation.id)).toMatchObject({
      campaignName: "Rentrée",
      status: "SHARED",
      progress: 100,
      masteryRate: 0.75,
    });
    // Not shared: the stored rate stays hidden, progress only.
    expect(byId.get(startedParticipation.id)).toMatchObject({
      campaignName: "Sécurité",
      status: "STARTED",
      masteryRate: null,
    });
    expect(byId.get(startedParticipation.id)!.progress).toBeLessThan(100);
  });

  it("is null for a learner of another school, even with the same names and INE", async () => {
    const { learner } = await arrangeLearnerPage();
    const other = await createSchool();
    await createLearner(other.id, { nationalStudentId: "1234567890A", firstName: "Maëlys", lastName: "BERTHELOT" });
    const otherSchoolId = await authorizedSchoolId(other.id);
    expect(await getLearnerDetail(otherSchoolId, learner.id)).toBeNull();
  });

  it("leaves out participations in another school's campaigns and deleted ones", async () => {
    const { schoolId, learner, user, startedParticipation } = await arrangeLearnerPage();
    const other = await createSchool();
    const otherAdmin = await createMember({ schoolId: other.id, role: "ADMIN" });
    const foreign = await createCampaign({ schoolId: other.id, ownerId: otherAdmin.userId });
    await prisma.participation.create({
      data: { schoolId: other.id, campaignId: foreign.id, learnerId: learner.id, userId: user.id },
    });
    await prisma.participation.update({ where: { id: startedParticipation.id }, data: { deletedAt: new Date() } });
    const detail = await getLearnerDetail(schoolId, learner.id);
    expect(detail!.participations.map((row) => row.campaignName)).toEqual(["Rentrée"]);
  });
});
