import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { authorizedSchoolId } from "../../../tests/factories/session";

import { createCampaign, testSnapshot } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import {
  getCampaignExport,
  getCampaignOrThrow,
  getCampaignResults,
  getCampaignSheet,
  listActivityParticipants,
  listCampaigns,
  listNotJoinedLearners,
  listOwnerChoices,
  mapDivisionsWithActiveCampaign,
} from "./data";
import { campaignListQuerySchema } from "./schema";

const query = (params: Record<string, string> = {}) => campaignListQuerySchema.parse(params);

let garSequence = 0;
async function join(
  campaignId: number,
  learnerId: number,
  status: "STARTED" | "TO_SHARE" | "SHARED" = "STARTED",
  extra: Record<string, unknown> = {},
) {
  const user = await createGarStudentUser({ garId: `ido-data-${++garSequence}` });
  await prisma.learner.update({ where: { id: learnerId }, data: { userId: user.id } });
  return prisma.participation.create({ data: { campaignId, learnerId, userId: user.id, status, ...extra } });
}

async function classWorld() {
  const school = await createSchool({ name: "Collège A" });
  const other = await createSchool({ name: "Collège B" });
  const owner = await createMember({ schoolId: school.id, role: "MEMBER" });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const outsider = await createMember({ schoolId: other.id, role: "ADMIN" });
  const lea = await createLearner(school.id, { firstName: "Léa", lastName: "MARTIN", division: "4E B" });
  const zoe = await createLearner(school.id, { firstName: "Zoé", lastName: "DURAND", division: "4E B" });
  const tom = await createLearner(school.id, { firstName: "Tom", lastName: "BERNARD", division: "4E B" });
  await createLearner(school.id, { firstName: "Parti", lastName: "ANCIEN", division: "4E B", isDisabled: true });
  const ali = await createLearner(school.id, { firstName: "Ali", lastName: "AUTRE", division: "4E A" });
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.userId,
    division: "4E B",
    name: "Rentrée — 4E B",
  });
  return {
    schoolId: await authorizedSchoolId(school.id),
    otherId: await authorizedSchoolId(other.id),
    owner,
    admin,
    outsider,
    lea,
    zoe,
    tom,
    ali,
    campaign,
  };
}

describe("getCampaignOrThrow", () => {
  it("returns the school's campaign and NOT_FOUND for another school's", async () => {
    const w = await classWorld();
    expect(await getCampaignOrThrow(w.schoolId, w.campaign.id)).toMatchObject({
      name: "Rentrée — 4E B",
      division: "4E B",
      owner: { id: w.owner.userId },
    });
    await expect(getCampaignOrThrow(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getCampaignOrThrow(w.schoolId, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listCampaigns", () => {
  it("filters by owner tab, archived status, name and class, within the school", async () => {
    const w = await classWorld();
    await createCampaign({ schoolId: w.schoolId, ownerId: w.admin.userId, division: "4E A", name: "Sécurité — 4E A" });
    await createCampaign({
      schoolId: w.schoolId,
      ownerId: w.owner.userId,
      division: "4E A",
      name: "Vieille campagne",
      archived: true,
    });
    await createCampaign({
      schoolId: w.otherId,
      ownerId: w.outsider.userId,
      division: "4E B",
      name: "Rentrée ailleurs",
    });
    await join(w.campaign.id, w.lea.id, "SHARED");
    await join(w.campaign.id, w.zoe.id, "STARTED");

    const all = await listCampaigns(w.schoolId, w.owner.userId, query());
    expect(all.rows.map((row) => row.name).sort()).toEqual(["Rentrée — 4E B", "Sécurité — 4E A"]);
    expect(all.rows.find((row) => row.id === w.campaign.id)).toMatchObject({
      participantCount: 2,
      sharedCount: 1,
      targetProfileName: "Parcours de test",
    });
    expect(
      (await listCampaigns(w.schoolId, w.owner.userId, query({ tab: "mine" }))).rows.map((row) => row.name),
    ).toEqual(["Rentrée — 4E B"]);
    expect(
      (await listCampaigns(w.schoolId, w.owner.userId, query({ status: "archived" }))).rows.map((row) => row.name),
    ).toEqual(["Vieille campagne"]);
    expect((await listCampaigns(w.schoolId, w.owner.userId, query({ q: "sécu" }))).rows.map((row) => row.name)).toEqual(
      ["Sécurité — 4E A"],
    );
    expect((await listCampaigns(w.schoolId, w.owner.userId, query({ division: "4E B" }))).total).toBe(1);
    expect((await listCampaigns(w.otherId, w.outsider.userId, query())).rows.map((row) => row.name)).toEqual([
      "Rentrée ailleurs",
    ]);
  });
});

describe("activity", () => {
  it("lists the class learners who have not joined yet, and updates as they join", async () => {
    const w = await classWorld();
    expect((await listNotJoinedLearners(w.schoolId, w.campaign.id))!.map((learner) => learner.lastName)).toEqual([
      "BERNARD",
      "DURAND",
      "MARTIN",
    ]);
    await join(w.campaign.id, w.zoe.id);
    expect((await listNotJoinedLearners(w.schoolId, w.campaign.id))!.map((learner) => learner.firstName)).toEqual([
      "Tom",
      "Léa",
    ]);
    // A deleted participation does not count as joined.
    await prisma.participation.create({
      data: {
        campaignId: w.campaign.id,
        learnerId: w.tom.id,
        userId: (await createGarStudentUser({ garId: "ido-deleted" })).id,
        deletedAt: new Date(),
      },
    });
    expect(await listNotJoinedLearners(w.schoolId, w.campaign.id)).toHaveLength(2);
    await expect(listNotJoinedLearners(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("has no not-joined list for a school-wide campaign", async () => {
    const w = await classWorld();
    const wide = await createCampaign({ schoolId: w.schoolId, ownerId: w.owner.userId, division: null });
    expect(await listNotJoinedLearners(w.schoolId, wide.id)).toBeNull();
  });

  it("reports participants with status and progress", async () => {
    const w = await classWorld();
    const started = await join(w.campaign.id, w.lea.id, "STARTED");
    await prisma.answer.create({
      data: { participationId: started.id, challengeId: "ch-test-1", value: "a", result: "OK" },
    });
    await join(w.campaign.id, w.zoe.id, "TO_SHARE");
    const participants = await listActivityParticipants(w.schoolId, w.campaign.id);
    expect(participants.map((p) => [p.lastName, p.status])).toEqual([
      ["DURAND", "TO_SHARE"],
      ["MARTIN", "STARTED"],
    ]);
    const lea = participants.find((p) => p.lastName === "MARTIN")!;
    expect(lea.progress).toBeGreaterThan(0);
    expect(lea.progress).toBeLessThan(100);
    expect(participants.find((p) => p.lastName === "DURAND")!.progress).toBe(100);
    await expect(listActivityParticipants(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("results and export", () => {
  const results = (mastery: number, c11: number, c41: number) => ({
    version: 1,
    masteryRate: mastery,
    answeredCount: 3,
    correctCount: 2,
    competences: [
      {
        competenceId: "1.1",
        name: "x",
        areaCode: "1",
        levelReached: 3,
        maxLevel: 3,
        acquiredCount: 1,
        totalCount: 1,
        masteryRate: c11,
        answeredCount: 1,
        correctCount: 1,
      },
      {
        competenceId: "4.1",
        name: "y",
        areaCode: "4",
        levelReached: 0,
        maxLevel: 4,
        acquiredCount: 0,
        totalCount: 2,
        masteryRate: c41,
        answeredCount: 2,
        correctCount: 1,
      },
    ],
    missedChallengeIds: [],
  });

  it("shows shared results only, with class averages", async () => {
    const w = await classWorld();
    await join(w.campaign.id, w.lea.id, "SHARED", {
      masteryRate: 0.8,
      results: results(0.8, 1, 0.5),
      sharedAt: new Date("2026-09-20T10:00:00Z"),
    });
    await join(w.campaign.id, w.zoe.id, "SHARED", {
      masteryRate: 0.4,
      results: results(0.4, 0, 0.5),
      sharedAt: new Date("2026-09-21T10:00:00Z"),
    });
    await join(w.campaign.id, w.tom.id, "TO_SHARE", { masteryRate: 1, results: results(1, 1, 1) });
    const data = await getCampaignResults(w.schoolId, w.campaign.id);
    expect(data.competences.map((c) => c.id)).toEqual(testSnapshot().competences.map((c) => c.id));
    expect(data.rows.map((row) => [row.lastName, row.masteryRate])).toEqual([
      ["DURAND", 0.4],
      ["MARTIN", 0.8],
    ]);
    expect(data.averages.count).toBe(2);
    expect(data.averages.masteryRate).toBeCloseTo(0.6);
    expect(data.averages.competenceRates).toEqual({ "1.1": 0.5, "4.1": 0.5 });
    await expect(getCampaignResults(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports every participant, results only once shared", async () => {
    const w = await classWorld();
    await join(w.campaign.id, w.lea.id, "SHARED", {
      masteryRate: 0.8,
      results: results(0.8, 1, 0.5),
      sharedAt: new Date(),
    });
    await join(w.campaign.id, w.tom.id, "TO_SHARE", { masteryRate: 1, results: results(1, 1, 1) });
    const data = await getCampaignExport(w.schoolId, w.campaign.id);
    expect(data.code).toBe(w.campaign.code);
    expect(data.rows.map((row) => [row.lastName, row.division, row.status, row.results?.masteryRate ?? null])).toEqual([
      ["BERNARD", "4E B", "TO_SHARE", null],
      ["MARTIN", "4E B", "SHARED", 0.8],
    ]);
    await expect(getCampaignExport(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("getCampaignSheet", () => {
  it("has the school, the code and one slip per enabled learner of the class", async () => {
    const w = await classWorld();
    const sheet = await getCampaignSheet(w.schoolId, w.campaign.id);
    expect(sheet).toMatchObject({ schoolName: "Collège A", code: w.campaign.code, campaignName: "Rentrée — 4E B" });
    expect(sheet.classes).toHaveLength(1);
    expect(sheet.classes[0]!.division).toBe("4E B");
    expect(sheet.classes[0]!.learners.map((learner) => learner.lastName)).toEqual(["BERNARD", "DURAND", "MARTIN"]);
    await expect(getCampaignSheet(w.otherId, w.campaign.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("groups a school-wide campaign's learners by class", async () => {
    const w = await classWorld();
    const wide = await createCampaign({ schoolId: w.schoolId, ownerId: w.owner.userId, division: null });
    const sheet = await getCampaignSheet(w.schoolId, wide.id);
    expect(sheet.classes.map((group) => [group.division, group.learners.length])).toEqual([
      ["4E A", 1],
      ["4E B", 3],
    ]);
  });
});

describe("owner choices and covered classes", () => {
  it("lists the school's members and the classes already covered per parcours", async () => {
    const w = await classWorld();
    expect((await listOwnerChoices(w.schoolId)).map((owner) => owner.userId).sort()).toEqual(
      [w.owner.userId, w.admin.userId].sort(),
    );
    await createCampaign({ schoolId: w.schoolId, ownerId: w.owner.userId, division: "4E A", archived: true });
    expect(await mapDivisionsWithActiveCampaign(w.schoolId)).toEqual({ "tp-test": ["4E B"] });
    expect(await mapDivisionsWithActiveCampaign(w.otherId)).toEqual({});
  });
});
