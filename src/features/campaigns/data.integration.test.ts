import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { authorizedSchoolId } from "../../../tests/factories/session";

import { createCampaign, testSnapshot } from "../../../tests/factories/campaigns";
import { campaignSchoolId } from "../../../tests/factories/runner";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import {
  getCampaignExport,
  getCampaignOrThrow,
  getCampaignResults,
  getCampaignSheet,
  getParticipantResult,
  listActivityParticipants,
  listCampaigns,
  listNotJoinedLearners,
  listOwnerChoices,
  mapDivisionsWithActiveCampaign,
} from "./data";
import { campaignListQuerySchema, participantFilterSchema } from "./schema";

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
  return prisma.participation.create({
    data: { schoolId: await campaignSchoolId(campaignId), campaignId, learnerId, userId: user.id, status, ...extra },
  });
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
        schoolId: w.schoolId,
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
      data: {
        schoolId: started.schoolId,
        participationId: started.id,
        challengeId: "ch-test-1",
        value: "a",
        result: "OK",
      },
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

describe("filters of Activité, Résultats and the export", () => {
  const rates = (mastery: number) => ({
    version: 1,
    masteryRate: mastery,
    answeredCount: 2,
    correctCount: 1,
    competences: [],
    missedChallengeIds: [],
  });

  async function schoolWide() {
    const w = await classWorld();
    const wide = await createCampaign({ schoolId: w.schoolId, ownerId: w.owner.userId, division: null, name: "Tous" });
    await join(wide.id, w.lea.id, "SHARED", { masteryRate: 0.4, results: rates(0.4), sharedAt: new Date() });
    await join(wide.id, w.zoe.id, "SHARED", { masteryRate: 0.9, results: rates(0.9), sharedAt: new Date() });
    await join(wide.id, w.tom.id, "STARTED");
    await join(wide.id, w.ali.id, "SHARED", { masteryRate: 0.7, results: rates(0.7), sharedAt: new Date() });
    return { ...w, wide };
  }
  const filter = (params: Record<string, string>, defaultStatus: "all" | "shared" = "all") =>
    participantFilterSchema(defaultStatus).parse(params);

  it("Résultats: shared results by default, one class, sorted by mastery; averages over what is shown", async () => {
    const w = await schoolWide();
    const shared = await getCampaignResults(w.schoolId, w.wide.id);
    expect(shared.rows.map((row) => row.lastName)).toEqual(["AUTRE", "DURAND", "MARTIN"]);
    const byMastery = await getCampaignResults(
      w.schoolId,
      w.wide.id,
      filter({ division: "4E B", sort: "mastery" }, "shared"),
    );
    expect(byMastery.rows.map((row) => [row.lastName, row.masteryRate])).toEqual([
      ["DURAND", 0.9],
      ["MARTIN", 0.4],
    ]);
    expect(byMastery.averages.masteryRate).toBeCloseTo(0.65);
    const everyone = await getCampaignResults(w.schoolId, w.wide.id, filter({ status: "all", division: "4E B" }));
    expect(everyone.rows.map((row) => [row.lastName, row.status, row.masteryRate])).toEqual([
      ["BERNARD", "STARTED", null],
      ["DURAND", "SHARED", 0.9],
      ["MARTIN", "SHARED", 0.4],
    ]);
    // The started one does not weigh on the averages.
    expect(everyone.averages.count).toBe(2);
    const inProgress = await getCampaignResults(w.schoolId, w.wide.id, filter({ status: "in-progress" }));
    expect(inProgress.rows.map((row) => row.lastName)).toEqual(["BERNARD"]);
  });

  it("Résultats of a class campaign: « Pas commencé » lists the class's learners without a participation", async () => {
    const w = await classWorld();
    await join(w.campaign.id, w.lea.id, "SHARED", { masteryRate: 0.4, results: rates(0.4), sharedAt: new Date() });
    const notStarted = await getCampaignResults(w.schoolId, w.campaign.id, filter({ status: "not-started" }));
    expect(notStarted.rows).toEqual([]);
    expect(notStarted.notStarted.map((learner) => learner.lastName)).toEqual(["BERNARD", "DURAND"]);
    expect((await getCampaignResults(w.schoolId, w.campaign.id)).notStarted).toEqual([]);
  });

  it("the export follows the filters and carries the campaign, the parcours and, when asked, the INE", async () => {
    const w = await schoolWide();
    const data = await getCampaignExport(
      w.schoolId,
      w.wide.id,
      filter({ division: "4E B", status: "shared", sort: "mastery" }),
    );
    expect(data).toMatchObject({ campaignName: "Tous", code: w.wide.code, targetProfileName: "Parcours de test" });
    expect(data.includeIne).toBe(false);
    expect(data.rows.map((row) => [row.lastName, row.ine, row.results?.masteryRate])).toEqual([
      ["DURAND", null, 0.9],
      ["MARTIN", null, 0.4],
    ]);
    const withIne = await getCampaignExport(w.schoolId, w.wide.id, filter({ status: "in-progress" }), {
      includeIne: true,
    });
    expect(withIne.includeIne).toBe(true);
    expect(withIne.rows.map((row) => [row.lastName, row.ine])).toEqual([["BERNARD", w.tom.nationalStudentId]]);
  });

  it("the export of « Pas commencé » lists the class's learners not started yet", async () => {
    const w = await classWorld();
    await join(w.campaign.id, w.lea.id, "STARTED");
    const data = await getCampaignExport(w.schoolId, w.campaign.id, filter({ status: "not-started" }));
    expect(data.rows.map((row) => [row.lastName, row.status, row.startedAt])).toEqual([
      ["BERNARD", "NOT_STARTED", null],
      ["DURAND", "NOT_STARTED", null],
    ]);
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

describe("getParticipantResult", () => {
  const competence = (competenceId: string, name: string, masteryRate: number, levelReached: number) => ({
    competenceId,
    name,
    areaCode: competenceId[0],
    levelReached,
    maxLevel: 4,
    acquiredCount: 1,
    totalCount: 2,
    masteryRate,
    answeredCount: 1,
    correctCount: 1,
  });

  async function arrange(status: "STARTED" | "TO_SHARE" | "SHARED") {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId, name: "Rentrée" });
    const learner = await createLearner(school.id, { firstName: "Zoé", lastName: "NGUYEN", division: "6E A" });
    const participation = await join(campaign.id, learner.id, status, {
      masteryRate: 0.5,
      sharedAt: status === "SHARED" ? new Date() : null,
      completedAt: status === "STARTED" ? null : new Date(),
      results:
        status === "STARTED"
          ? undefined
          : {
              version: 1,
              masteryRate: 0.5,
              answeredCount: 3,
              correctCount: 1,
              competences: [
                competence("1.1", "Mener une recherche et une veille d'information", 1, 3),
                competence("4.1", "Sécuriser l'environnement numérique", 0, 0),
              ],
              missedChallengeIds: ["ch-test-2", "ch-test-3"],
            },
    });
    await prisma.answer.createMany({
      data: [
        {
          schoolId: participation.schoolId,
          participationId: participation.id,
          challengeId: "ch-test-1",
          value: "a",
          result: "OK",
        },
        {
          schoolId: participation.schoolId,
          participationId: participation.id,
          challengeId: "ch-test-2",
          value: "au revoir",
          result: "KO",
        },
        ...(status === "STARTED"
          ? []
          : [
              {
                schoolId: participation.schoolId,
                participationId: participation.id,
                challengeId: "ch-test-3",
                value: "",
                result: "SKIPPED" as const,
              },
            ]),
      ],
    });
    return { school, admin, campaign, learner, participation, schoolId: await authorizedSchoolId(school.id) };
  }

  it("shows a shared result per competence: level, mastery, each question right, wrong or skipped with its text", async () => {
    const { schoolId, campaign, participation } = await arrange("SHARED");
    const result = await getParticipantResult(schoolId, campaign.id, participation.id);
    expect(result).toMatchObject({
      status: "SHARED",
      progress: 100,
      learner: { firstName: "Zoé", lastName: "NGUYEN", division: "6E A" },
      shared: { masteryRate: 0.5, answeredCount: 3, correctCount: 1 },
    });
    expect(result.shared!.competences).toEqual([
      expect.objectContaining({
        competenceId: "1.1",
        levelReached: 3,
        masteryRate: 1,
        questions: [{ challengeId: "ch-test-1", statement: "Question 1 ?", result: "OK" }],
      }),
      expect.objectContaining({
        competenceId: "4.1",
        levelReached: 0,
        masteryRate: 0,
        questions: [
          { challengeId: "ch-test-2", statement: "Tapez « bonjour ».", result: "KO" },
          { challengeId: "ch-test-3", statement: "Cochez a et c.", result: "SKIPPED" },
        ],
      }),
    ]);
  });

  it("shows progress only while the result is not shared (finished or not), even with results stored", async () => {
    const finished = await arrange("TO_SHARE");
    const toShare = await getParticipantResult(finished.schoolId, finished.campaign.id, finished.participation.id);
    expect(toShare).toMatchObject({ status: "TO_SHARE", progress: 100, shared: null });
    const started = await arrange("STARTED");
    const inProgress = await getParticipantResult(started.schoolId, started.campaign.id, started.participation.id);
    expect(inProgress.shared).toBeNull();
    expect(inProgress.progress).toBeGreaterThan(0);
    expect(inProgress.progress).toBeLessThan(100);
  });

  it("is NOT_FOUND through another campaign's id, from another school, or once deleted", async () => {
    const { schoolId, school, admin, campaign, participation } = await arrange("SHARED");
    const otherCampaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId });
    await expect(getParticipantResult(schoolId, otherCampaign.id, participation.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const other = await createSchool();
    const otherSchoolId = await authorizedSchoolId(other.id);
    await expect(getParticipantResult(otherSchoolId, campaign.id, participation.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await prisma.participation.update({ where: { id: participation.id }, data: { deletedAt: new Date() } });
    await expect(getParticipantResult(schoolId, campaign.id, participation.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
