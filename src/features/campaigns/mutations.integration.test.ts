import { beforeEach, describe, expect, it } from "vitest";

import { loadContent } from "@/features/parcours/mutations";
import { prisma } from "@/lib/db";
import { DomainError, isUniqueViolation } from "@/lib/errors";
import type { AuthorizedSchoolId } from "@/lib/session";

import { authorizedSchoolId } from "../../../tests/factories/session";

import { createCampaign as createCampaignRow } from "../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { isValidCampaignCode } from "./domain/campaign-code";
import { startParticipation } from "@/features/runner/mutations";
import { getLearnerDetail } from "@/features/learners/data";
import { getCampaignSheet, getParticipantResult } from "./data";
import {
  allowRetry,
  createCampaign,
  createCampaignsForClasses,
  deleteCampaign,
  deleteParticipation,
  duplicateCampaign,
  PARTICIPATION_DELETED_AUDIT_ACTION,
  PARTICIPATION_RETRY_AUDIT_ACTION,
  setCampaignArchived,
  updateCampaign,
} from "./mutations";
import { createCampaignSchema, duplicateCampaignSchema, updateCampaignSchema } from "./schema";
import type { CampaignActor } from "./types";

const PARCOURS = "rentree-6e";

type World = {
  schoolId: AuthorizedSchoolId;
  otherSchoolId: AuthorizedSchoolId;
  admin: CampaignActor;
  teacher: CampaignActor;
  colleague: CampaignActor;
  outsider: CampaignActor;
};

async function world(): Promise<World> {
  const school = await createSchool();
  const other = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const colleague = await createMember({ schoolId: school.id, role: "MEMBER" });
  const outsider = await createMember({ schoolId: other.id, role: "ADMIN" });
  for (const division of ["6E A", "6E B", "5E A"]) await createLearner(school.id, { division });
  await createLearner(school.id, { division: "4E Z", isDisabled: true });
  await createLearner(other.id, { division: "3E X" });
  return {
    schoolId: await authorizedSchoolId(school.id),
    otherSchoolId: await authorizedSchoolId(other.id),
    admin: { userId: admin.userId, role: "ADMIN" },
    teacher: { userId: teacher.userId, role: "MEMBER" },
    colleague: { userId: colleague.userId, role: "MEMBER" },
    outsider: { userId: outsider.userId, role: "ADMIN" },
  };
}

function input(overrides: Record<string, unknown> = {}) {
  return createCampaignSchema.parse({
    name: "Parcours de rentrée — 6E A",
    targetProfileId: PARCOURS,
    division: "6E A",
    ownerId: "0",
    ...overrides,
  });
}

async function expectDomainError(promise: Promise<unknown>, code: string, field?: string) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (field) expect((error as DomainError).details?.field).toBe(field);
  return error as DomainError;
}

beforeEach(async () => {
  await loadContent(prisma);
});

describe("createCampaign", () => {
  it("lets any member create a class campaign with a fresh code and a frozen snapshot", async () => {
    const w = await world();
    const created = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId, title: "Bienvenue", customLandingText: "Bon courage !" }),
    });
    expect(isValidCampaignCode(created.code)).toBe(true);
    const row = await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      schoolId: w.schoolId,
      name: "Parcours de rentrée — 6E A",
      division: "6E A",
      ownerId: w.teacher.userId,
      creatorId: w.teacher.userId,
      targetProfileId: PARCOURS,
      title: "Bienvenue",
      customLandingText: "Bon courage !",
      archivedAt: null,
    });
    const snapshot = row.challengeSnapshot as { targetProfileId: string; challenges: unknown[] };
    expect(snapshot.targetProfileId).toBe(PARCOURS);
    expect(snapshot.challenges.length).toBe(
      await prisma.targetProfileChallenge.count({ where: { targetProfileId: PARCOURS } }),
    );
    expect(
      await prisma.auditLog.count({
        where: { action: "campaign.created", targetId: String(created.id), actorUserId: w.teacher.userId },
      }),
    ).toBe(1);
  });

  it("accepts a school-wide campaign and another member as owner", async () => {
    const w = await world();
    const created = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ division: "", ownerId: w.colleague.userId }),
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      division: null,
      ownerId: w.colleague.userId,
      creatorId: w.teacher.userId,
    });
  });

  it("refuses a class that is not the school's, an owner from elsewhere, an unknown or archived parcours — and writes nothing", async () => {
    const w = await world();
    const owner = w.teacher.userId;
    await expectDomainError(
      createCampaign({ schoolId: w.schoolId, actor: w.teacher, input: input({ ownerId: owner, division: "3E X" }) }),
      "INVALID_INPUT",
      "division",
    );
    await expectDomainError(
      createCampaign({ schoolId: w.schoolId, actor: w.teacher, input: input({ ownerId: owner, division: "4E Z" }) }),
      "INVALID_INPUT",
      "division",
    );
    await expectDomainError(
      createCampaign({ schoolId: w.schoolId, actor: w.teacher, input: input({ ownerId: w.outsider.userId }) }),
      "INVALID_INPUT",
      "ownerId",
    );
    await expectDomainError(
      createCampaign({
        schoolId: w.schoolId,
        actor: w.teacher,
        input: input({ ownerId: owner, targetProfileId: "nope" }),
      }),
      "INVALID_INPUT",
      "targetProfileId",
    );
    await prisma.targetProfile.update({ where: { id: PARCOURS }, data: { isArchived: true } });
    await expectDomainError(
      createCampaign({ schoolId: w.schoolId, actor: w.teacher, input: input({ ownerId: owner }) }),
      "INVALID_INPUT",
      "targetProfileId",
    );
    expect(await prisma.campaign.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("draws another code when the first one is taken", async () => {
    const w = await world();
    await createCampaignRow({ schoolId: w.otherSchoolId, ownerId: w.outsider.userId, code: "AAAAAA222" });
    const codes = ["AAAAAA222", "BBBBBB333"];
    const created = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
      generateCode: () => codes.shift() ?? "CCCCCC444",
    });
    expect(created.code).toBe("BBBBBB333");
  });

  it("gives up with a French message when every draw collides", async () => {
    const w = await world();
    await createCampaignRow({ schoolId: w.otherSchoolId, ownerId: w.outsider.userId, code: "AAAAAA222" });
    const error = await expectDomainError(
      createCampaign({
        schoolId: w.schoolId,
        actor: w.teacher,
        input: input({ ownerId: w.teacher.userId }),
        generateCode: () => "AAAAAA222",
      }),
      "CONFLICT",
    );
    expect(error.userMessage).toMatch(/code unique/);
    expect(await prisma.campaign.count({ where: { schoolId: w.schoolId } })).toBe(0);
  });

  it("retries a code taken concurrently even inside a caller's transaction (the failed insert is rolled back to a savepoint)", async () => {
    const w = await world();
    // Another transaction inserts KKKKKK111 without committing yet: our check cannot see it, our
    // insert waits on it, then fails on the unique constraint once it commits.
    let commitOther!: () => void;
    const otherMayCommit = new Promise<void>((resolve) => (commitOther = resolve));
    let otherInserted!: () => void;
    const otherHasInserted = new Promise<void>((resolve) => (otherInserted = resolve));
    const other = prisma.$transaction(async (tx) => {
      await tx.campaign.create({
        data: {
          schoolId: w.otherSchoolId,
          targetProfileId: PARCOURS,
          creatorId: w.outsider.userId,
          ownerId: w.outsider.userId,
          name: "Autre",
          code: "KKKKKK111",
          challengeSnapshot: {},
        },
      });
      otherInserted();
      await otherMayCommit;
    });
    await otherHasInserted;
    const codes = ["KKKKKK111", "LLLLLL222"];
    const ours = prisma.$transaction(async (tx) => {
      await tx.auditLog.create({
        data: {
          schoolId: w.schoolId,
          actorUserId: w.teacher.userId,
          action: "test.caller",
          targetType: "school",
          targetId: String(w.schoolId),
        },
      });
      return createCampaign(
        {
          schoolId: w.schoolId,
          actor: w.teacher,
          input: input({ ownerId: w.teacher.userId }),
          generateCode: () => codes.shift() ?? "MMMMMM333",
        },
        tx,
      );
    });
    // Let the other transaction commit once our insert waits on its row lock.
    const release = (async () => {
      for (let i = 0; i < 200; i++) {
        const [row] = await prisma.$queryRaw<{ waiting: number }[]>`
          SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        if ((row?.waiting ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      commitOther();
    })();
    const [created] = await Promise.all([ours, other, release]);
    expect(created.code).toBe("LLLLLL222");
    // The caller's own write, made before, is committed with the campaign.
    expect(await prisma.auditLog.count({ where: { action: "test.caller" } })).toBe(1);
    expect(await prisma.campaign.findMany({ where: { schoolId: w.schoolId }, select: { code: true } })).toEqual([
      { code: "LLLLLL222" },
    ]);
    expect(await prisma.auditLog.count({ where: { action: "campaign.created" } })).toBe(1);
  });

  it("relies on the database's unique constraint for codes", async () => {
    const w = await world();
    await createCampaignRow({ schoolId: w.schoolId, ownerId: w.teacher.userId, code: "DDDDDD555" });
    await expect(
      createCampaignRow({ schoolId: w.otherSchoolId, ownerId: w.outsider.userId, code: "DDDDDD555" }),
    ).rejects.toThrow();
  });
});

describe("createCampaignsForClasses", () => {
  it("creates one campaign per chosen class in one go, named after the parcours and the class", async () => {
    const w = await world();
    const result = await createCampaignsForClasses({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: { targetProfileId: PARCOURS, divisions: ["6E A", "6E B", "5E A"] },
    });
    expect(result.skipped).toEqual([]);
    expect(result.created.map((campaign) => campaign.division).sort()).toEqual(["5E A", "6E A", "6E B"]);
    const rows = await prisma.campaign.findMany({ where: { schoolId: w.schoolId }, orderBy: { division: "asc" } });
    expect(rows.map((row) => row.name)).toEqual([
      "Rentrée en 6e — 5E A",
      "Rentrée en 6e — 6E A",
      "Rentrée en 6e — 6E B",
    ]);
    expect(new Set(rows.map((row) => row.code)).size).toBe(3);
    expect(rows.every((row) => row.ownerId === w.teacher.userId && isValidCampaignCode(row.code))).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "campaign.created" } })).toBe(3);
  });

  it("skips classes that already have an active campaign for this parcours (pressing twice duplicates nothing)", async () => {
    const w = await world();
    await createCampaignsForClasses({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: { targetProfileId: PARCOURS, divisions: ["6E A"] },
    });
    const again = await createCampaignsForClasses({
      schoolId: w.schoolId,
      actor: w.admin,
      input: { targetProfileId: PARCOURS, divisions: ["6E A", "6E B"] },
    });
    expect(again.skipped).toEqual(["6E A"]);
    expect(again.created.map((campaign) => campaign.division)).toEqual(["6E B"]);
    expect(await prisma.campaign.count({ where: { schoolId: w.schoolId } })).toBe(2);
  });

  it("writes nothing when a class is unknown", async () => {
    const w = await world();
    await expectDomainError(
      createCampaignsForClasses({
        schoolId: w.schoolId,
        actor: w.teacher,
        input: { targetProfileId: PARCOURS, divisions: ["6E A", "3E X"] },
      }),
      "INVALID_INPUT",
      "divisions",
    );
    expect(await prisma.campaign.count()).toBe(0);
  });

  it("redraws the whole batch when one of its codes is taken", async () => {
    const w = await world();
    await createCampaignRow({ schoolId: w.otherSchoolId, ownerId: w.outsider.userId, code: "EEEEEE666" });
    const draws = ["FFFFFF777", "EEEEEE666", "GGGGGG888", "HHHHHH999"];
    const result = await createCampaignsForClasses({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: { targetProfileId: PARCOURS, divisions: ["6E A", "6E B"] },
      generateCode: () => draws.shift() ?? "JJJJJJ222",
    });
    expect(result.created.map((campaign) => campaign.code).sort()).toEqual(["GGGGGG888", "HHHHHH999"]);
    expect(await prisma.campaign.count({ where: { schoolId: w.schoolId } })).toBe(2);
  });
});

describe("updateCampaign and archiving", () => {
  async function campaignOf(w: World, ownerId: number) {
    return createCampaignRow({ schoolId: w.schoolId, ownerId, division: "6E A" });
  }

  function update(campaignId: number, ownerId: number, name = "Nouveau nom") {
    return updateCampaignSchema.parse({
      campaignId: String(campaignId),
      name,
      ownerId: String(ownerId),
      title: "Titre",
      customLandingText: "",
    });
  }

  it("lets the owner and an ADMIN edit, not another MEMBER", async () => {
    const w = await world();
    const campaign = await campaignOf(w, w.teacher.userId);
    await updateCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: update(campaign.id, w.teacher.userId, "Par le propriétaire"),
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      name: "Par le propriétaire",
      title: "Titre",
      customLandingText: null,
    });
    await updateCampaign({
      schoolId: w.schoolId,
      actor: w.admin,
      input: update(campaign.id, w.colleague.userId, "Par l'administrateur"),
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      name: "Par l'administrateur",
      ownerId: w.colleague.userId,
    });
    await expectDomainError(
      updateCampaign({
        schoolId: w.schoolId,
        actor: w.teacher,
        input: update(campaign.id, w.teacher.userId, "Refusé"),
      }),
      "FORBIDDEN",
    );
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).name).toBe("Par l'administrateur");
    expect(await prisma.auditLog.count({ where: { action: "campaign.updated" } })).toBe(2);
  });

  it("refuses an owner from another school and an archived campaign", async () => {
    const w = await world();
    const campaign = await campaignOf(w, w.teacher.userId);
    await expectDomainError(
      updateCampaign({ schoolId: w.schoolId, actor: w.admin, input: update(campaign.id, w.outsider.userId) }),
      "INVALID_INPUT",
      "ownerId",
    );
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.admin, campaignId: campaign.id, archived: true });
    await expectDomainError(
      updateCampaign({ schoolId: w.schoolId, actor: w.admin, input: update(campaign.id, w.teacher.userId) }),
      "CONFLICT",
    );
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).ownerId).toBe(w.teacher.userId);
  });

  it("archives and unarchives (owner or ADMIN), idempotently", async () => {
    const w = await world();
    const campaign = await campaignOf(w, w.teacher.userId);
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.teacher, campaignId: campaign.id, archived: true });
    const archivedAt = (await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).archivedAt;
    expect(archivedAt).not.toBeNull();
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.teacher, campaignId: campaign.id, archived: true });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).archivedAt).toEqual(archivedAt);
    await expectDomainError(
      setCampaignArchived({ schoolId: w.schoolId, actor: w.colleague, campaignId: campaign.id, archived: false }),
      "FORBIDDEN",
    );
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.admin, campaignId: campaign.id, archived: false });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).archivedAt).toBeNull();
    expect(
      await prisma.auditLog.count({ where: { action: { in: ["campaign.archived", "campaign.unarchived"] } } }),
    ).toBe(2);
  });

  it("answers NOT_FOUND for another school's campaign, even to its ADMIN", async () => {
    const w = await world();
    const campaign = await campaignOf(w, w.teacher.userId);
    await expectDomainError(
      setCampaignArchived({ schoolId: w.otherSchoolId, actor: w.outsider, campaignId: campaign.id, archived: true }),
      "NOT_FOUND",
    );
    await expectDomainError(
      updateCampaign({ schoolId: w.otherSchoolId, actor: w.outsider, input: update(campaign.id, w.outsider.userId) }),
      "NOT_FOUND",
    );
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      archivedAt: null,
      ownerId: w.teacher.userId,
    });
  });
});

describe("duplicateCampaign", () => {
  async function source(w: World) {
    return createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId, title: "Bienvenue", customLandingText: "Bon courage !" }),
    });
  }
  const duplicateInput = (campaignId: number, overrides: Record<string, unknown> = {}) =>
    duplicateCampaignSchema.parse({ campaignId, name: "Parcours de rentrée — 6E B", division: "6E B", ...overrides });

  it("makes a new campaign with the same parcours and texts, a new code, the class chosen, owned by whoever duplicated", async () => {
    const w = await world();
    const original = await source(w);
    const copy = await duplicateCampaign({
      schoolId: w.schoolId,
      actor: w.colleague,
      input: duplicateInput(original.id),
    });
    expect(copy.id).not.toBe(original.id);
    expect(isValidCampaignCode(copy.code)).toBe(true);
    expect(copy.code).not.toBe(original.code);
    const [a, b] = await Promise.all(
      [original.id, copy.id].map((id) => prisma.campaign.findUniqueOrThrow({ where: { id } })),
    );
    expect(b).toMatchObject({
      name: "Parcours de rentrée — 6E B",
      division: "6E B",
      targetProfileId: a!.targetProfileId,
      title: "Bienvenue",
      customLandingText: "Bon courage !",
      ownerId: w.colleague.userId,
      creatorId: w.colleague.userId,
      archivedAt: null,
    });
    expect(b!.challengeSnapshot).toEqual(a!.challengeSnapshot);
    expect(await prisma.auditLog.count({ where: { action: "campaign.duplicated", targetId: String(copy.id) } })).toBe(
      1,
    );
  });

  it("duplicates an archived campaign into an open one, and for no class", async () => {
    const w = await world();
    const original = await source(w);
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.teacher, campaignId: original.id, archived: true });
    const copy = await duplicateCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: duplicateInput(original.id, { division: "" }),
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({
      division: null,
      archivedAt: null,
    });
  });

  it("refuses an unknown class, another school's campaign, a parcours no longer offered; nothing created", async () => {
    const w = await world();
    const original = await source(w);
    const count = await prisma.campaign.count();
    await expectDomainError(
      duplicateCampaign({
        schoolId: w.schoolId,
        actor: w.teacher,
        input: duplicateInput(original.id, { division: "3E X" }),
      }),
      "INVALID_INPUT",
      "division",
    );
    await expectDomainError(
      duplicateCampaign({
        schoolId: w.otherSchoolId,
        actor: w.outsider,
        input: duplicateInput(original.id, { division: "" }),
      }),
      "NOT_FOUND",
    );
    await prisma.targetProfile.update({ where: { id: PARCOURS }, data: { isArchived: true } });
    await expectDomainError(
      duplicateCampaign({ schoolId: w.schoolId, actor: w.teacher, input: duplicateInput(original.id) }),
      "CONFLICT",
    );
    expect(await prisma.campaign.count()).toBe(count);
  });
});

describe("deleteCampaign", () => {
  async function arrange() {
    const w = await world();
    const campaign = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
    });
    return { w, campaign };
  }
  async function joiner(w: World) {
    const user = await createGarStudentUser({ garId: `IDO-DELETE-${Date.now()}-${Math.random()}` });
    return prisma.learner.create({
      data: {
        schoolId: w.schoolId,
        nationalStudentId: `${Date.now()}`.slice(-10) + "D",
        firstName: "Zoé",
        lastName: "NGUYEN",
        sex: "F",
        birthdate: new Date("2012-01-01T00:00:00Z"),
        division: "6E A",
        userId: user.id,
      },
    });
  }

  it("lets the owner or an ADMIN delete a campaign nobody started, audit-logged; another member is refused", async () => {
    const { w, campaign } = await arrange();
    await expectDomainError(
      deleteCampaign({ schoolId: w.schoolId, actor: w.colleague, campaignId: campaign.id }),
      "FORBIDDEN",
    );
    await expectDomainError(
      deleteCampaign({ schoolId: w.otherSchoolId, actor: w.outsider, campaignId: campaign.id }),
      "NOT_FOUND",
    );
    expect(await prisma.campaign.count({ where: { id: campaign.id } })).toBe(1);
    await deleteCampaign({ schoolId: w.schoolId, actor: w.teacher, campaignId: campaign.id });
    expect(await prisma.campaign.count({ where: { id: campaign.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { action: "campaign.deleted", targetId: String(campaign.id) } })).toBe(
      1,
    );
    const other = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
    });
    await deleteCampaign({ schoolId: w.schoolId, actor: w.admin, campaignId: other.id });
    expect(await prisma.campaign.count({ where: { id: other.id } })).toBe(0);
  });

  it("refuses once a student started it, even if that participation was deleted since", async () => {
    const { w, campaign } = await arrange();
    const learner = await joiner(w);
    const { participationId } = await startParticipation({
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: learner.userId!,
    });
    const error = await expectDomainError(
      deleteCampaign({ schoolId: w.schoolId, actor: w.admin, campaignId: campaign.id }),
      "CONFLICT",
    );
    expect(error.userMessage).toMatch(/Archivez-la/);
    await prisma.participation.update({ where: { id: participationId }, data: { deletedAt: new Date() } });
    await expectDomainError(
      deleteCampaign({ schoolId: w.schoolId, actor: w.admin, campaignId: campaign.id }),
      "CONFLICT",
    );
    expect(await prisma.campaign.count({ where: { id: campaign.id } })).toBe(1);
  });

  it("a student starting while the campaign is deleted: never a participation in a deleted campaign", async () => {
    for (let round = 0; round < 5; round++) {
      const { w, campaign } = await arrange();
      const learner = await joiner(w);
      const [deleted, started] = await Promise.allSettled([
        deleteCampaign({ schoolId: w.schoolId, actor: w.admin, campaignId: campaign.id }),
        startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: learner.userId! }),
      ]);
      const campaignLeft = await prisma.campaign.count({ where: { id: campaign.id } });
      const participations = await prisma.participation.count({ where: { campaignId: campaign.id } });
      // Exactly one of the two wins.
      expect(deleted.status === "fulfilled").not.toBe(started.status === "fulfilled");
      if (deleted.status === "fulfilled") expect([campaignLeft, participations]).toEqual([0, 0]);
      else expect([campaignLeft, participations]).toEqual([1, 1]);
      // The student who lost is told the campaign does not exist (a DomainError, not a crash).
      if (started.status === "rejected") expect(started.reason).toBeInstanceOf(DomainError);
    }
  });
});

describe("archived campaigns and the fiche élève", () => {
  it("offers no sheet for an archived campaign, and again once unarchived", async () => {
    const w = await world();
    const campaign = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
    });
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.teacher, campaignId: campaign.id, archived: true });
    expect(await getCampaignSheet(w.schoolId, campaign.id)).toMatchObject({ isArchived: true, classes: [] });
    await setCampaignArchived({ schoolId: w.schoolId, actor: w.teacher, campaignId: campaign.id, archived: false });
    const sheet = await getCampaignSheet(w.schoolId, campaign.id);
    expect(sheet.isArchived).toBe(false);
    expect(sheet.classes.map((group) => group.division)).toEqual(["6E A"]);
  });
});

describe("participation management (docs/decisions/014)", () => {
  async function arrange(status: "STARTED" | "SHARED" = "SHARED") {
    const w = await world();
    const campaign = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
    });
    const user = await createGarStudentUser({ garId: `IDO-MANAGE-${Date.now()}-${Math.random()}` });
    const learner = await createLearner(w.schoolId, { division: "6E A", userId: user.id });
    const { participationId } = await startParticipation({
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: user.id,
    });
    if (status === "SHARED") {
      await prisma.participation.update({
        where: { id: participationId },
        data: {
          status: "SHARED",
          sharedAt: new Date(),
          completedAt: new Date(),
          masteryRate: 0.5,
          results: {
            version: 1,
            masteryRate: 0.5,
            answeredCount: 2,
            correctCount: 1,
            competences: [],
            missedChallengeIds: [],
          },
        },
      });
    }
    const ids = { campaignId: campaign.id, participationId };
    return { w, campaign, user, learner, participationId, ids };
  }
  const active = (campaignId: number) => prisma.participation.findMany({ where: { campaignId, deletedAt: null } });

  it("the owner deletes a participation: audit-logged with ids, and the student may start again", async () => {
    const { w, campaign, user, learner, participationId, ids } = await arrange("STARTED");
    await deleteParticipation({ schoolId: w.schoolId, actor: w.teacher, input: ids });
    expect(await active(campaign.id)).toEqual([]);
    const audit = await prisma.auditLog.findMany({ where: { action: PARTICIPATION_DELETED_AUDIT_ACTION } });
    expect(audit).toEqual([
      expect.objectContaining({
        actorUserId: w.teacher.userId,
        targetType: "participation",
        targetId: String(participationId),
        data: { campaignId: campaign.id, learnerId: learner.id },
      }),
    ]);
    const again = await startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id });
    expect(again.isNew).toBe(true);
    expect(again.participationId).not.toBe(participationId);
    // Deleted: shown nowhere, not even as history.
    await expect(getParticipantResult(w.schoolId, campaign.id, participationId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await getLearnerDetail(w.schoolId, learner.id))!.participations.map((row) => row.participationId)).toEqual([
      again.participationId,
    ]);
  });

  it("who may: an ADMIN yes; another MEMBER, another school, another campaign's id no; twice is refused", async () => {
    const { w, campaign, participationId, ids } = await arrange("STARTED");
    await expectDomainError(deleteParticipation({ schoolId: w.schoolId, actor: w.colleague, input: ids }), "FORBIDDEN");
    await expectDomainError(
      deleteParticipation({ schoolId: w.otherSchoolId, actor: w.outsider, input: ids }),
      "NOT_FOUND",
    );
    const other = await createCampaign({
      schoolId: w.schoolId,
      actor: w.colleague,
      input: input({ ownerId: w.colleague.userId }),
    });
    await expectDomainError(
      deleteParticipation({
        schoolId: w.schoolId,
        actor: w.colleague,
        input: { campaignId: other.id, participationId },
      }),
      "NOT_FOUND",
    );
    await expectDomainError(allowRetry({ schoolId: w.schoolId, actor: w.colleague, input: ids }), "FORBIDDEN");
    expect(await active(campaign.id)).toHaveLength(1);
    await deleteParticipation({ schoolId: w.schoolId, actor: w.admin, input: ids });
    await expectDomainError(deleteParticipation({ schoolId: w.schoolId, actor: w.admin, input: ids }), "CONFLICT");
  });

  it("a retry after sharing starts a new attempt and keeps the shared one in the history", async () => {
    const { w, campaign, user, learner, participationId, ids } = await arrange("SHARED");
    const { participationId: nextId } = await allowRetry({ schoolId: w.schoolId, actor: w.teacher, input: ids });
    const rows = await prisma.participation.findMany({ where: { campaignId: campaign.id }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.id, row.status, row.deletedAt !== null, row.retriedAt !== null, row.userId])).toEqual(
      [
        [participationId, "SHARED", true, true, user.id],
        [nextId, "STARTED", false, false, user.id],
      ],
    );
    // The student resumes on the new attempt (the active one); asking again is idempotent.
    expect(await startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id })).toEqual({
      participationId: nextId,
      isNew: false,
    });
    const history = (await getLearnerDetail(w.schoolId, learner.id))!.participations;
    expect(history.map((row) => [row.participationId, row.isEarlierAttempt, row.masteryRate])).toEqual([
      [nextId, false, null],
      [participationId, true, 0.5],
    ]);
    expect(await getParticipantResult(w.schoolId, campaign.id, participationId)).toMatchObject({
      isEarlierAttempt: true,
      status: "SHARED",
    });
    expect(
      await prisma.auditLog.count({ where: { action: PARTICIPATION_RETRY_AUDIT_ACTION, targetId: String(nextId) } }),
    ).toBe(1);
  });

  it("no retry before sharing, nor in an archived campaign", async () => {
    const started = await arrange("STARTED");
    await expectDomainError(
      allowRetry({ schoolId: started.w.schoolId, actor: started.w.admin, input: started.ids }),
      "CONFLICT",
    );
    const shared = await arrange("SHARED");
    await setCampaignArchived({
      schoolId: shared.w.schoolId,
      actor: shared.w.admin,
      campaignId: shared.campaign.id,
      archived: true,
    });
    await expectDomainError(
      allowRetry({ schoolId: shared.w.schoolId, actor: shared.w.admin, input: shared.ids }),
      "CONFLICT",
    );
    expect(await active(shared.campaign.id)).toHaveLength(1);
  });

  it("parallel retries: exactly one new attempt", async () => {
    const { w, campaign, ids } = await arrange("SHARED");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => allowRetry({ schoolId: w.schoolId, actor: w.admin, input: ids })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "CONFLICT" });
    }
    expect(await active(campaign.id)).toHaveLength(1);
    expect(await prisma.participation.count({ where: { campaignId: campaign.id } })).toBe(2);
  });

  it("otherwise one participation per student: 10 parallel starts make one row, and the database refuses a second", async () => {
    const w = await world();
    const campaign = await createCampaign({
      schoolId: w.schoolId,
      actor: w.teacher,
      input: input({ ownerId: w.teacher.userId }),
    });
    const user = await createGarStudentUser({ garId: `IDO-PARALLEL-${Date.now()}` });
    const learner = await createLearner(w.schoolId, { division: "6E A", userId: user.id });
    const started = await Promise.all(
      Array.from({ length: 10 }, () =>
        startParticipation({ campaignId: campaign.id, learnerId: learner.id, userId: user.id }),
      ),
    );
    expect(new Set(started.map((outcome) => outcome.participationId)).size).toBe(1);
    expect(started.filter((outcome) => outcome.isNew)).toHaveLength(1);
    expect(await prisma.participation.count({ where: { campaignId: campaign.id } })).toBe(1);
    const error = await prisma.participation
      .create({ data: { schoolId: w.schoolId, campaignId: campaign.id, learnerId: learner.id, userId: user.id } })
      .catch((caught: unknown) => caught);
    expect(isUniqueViolation(error)).toBe(true);
  });
});
