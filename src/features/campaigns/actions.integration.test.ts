import { beforeEach, describe, expect, it, vi } from "vitest";

import { loadContent } from "@/features/parcours/mutations";
import { prisma } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

import { createCampaign } from "../../../tests/factories/campaigns";
import { createLearner } from "../../../tests/factories/learners";
import { createMember, createSchool } from "../../../tests/factories/schools";
import { setSessionCookie } from "../../../tests/support/next-request";

/**
 * The actions as the browser calls them: the session comes from the cookie (the request context
 * is the only thing provided here), the role and school from the database.
 */
vi.mock("next/headers", async () => (await import("../../../tests/support/next-request")).nextHeadersMock());
vi.mock("next/cache", async (importOriginal) =>
  (await import("../../../tests/support/next-request")).nextCacheMock(importOriginal),
);

const {
  archiveCampaignAction,
  createCampaignAction,
  createCampaignsForClassesAction,
  unarchiveCampaignAction,
  updateCampaignAction,
} = await import("./actions");

async function signIn(userId: number, schoolId: number) {
  const token = randomToken();
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId,
      kind: "STAFF",
      currentSchoolId: schoolId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  setSessionCookie(token);
}

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) data.append(key, item);
  return data;
}

async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught as { digest?: string },
  );
  expect(error?.digest).toMatch(/^NEXT_REDIRECT/);
  return error!.digest!.split(";")[2]!;
}

const idle = { status: "idle" } as const;

async function world() {
  await loadContent(prisma);
  const school = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const owner = await createMember({ schoolId: school.id, role: "MEMBER" });
  const colleague = await createMember({ schoolId: school.id, role: "MEMBER" });
  await createLearner(school.id, { division: "5E A" });
  await createLearner(school.id, { division: "5E B" });
  const campaign = await createCampaign({ schoolId: school.id, ownerId: owner.userId, division: "5E A" });
  return { school, admin, owner, colleague, campaign };
}

beforeEach(() => {
  setSessionCookie(null);
});

describe("campaign actions", () => {
  it("refuse everyone without a session", async () => {
    const { campaign } = await world();
    expect(await archiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "error",
      code: "UNAUTHENTICATED",
    });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).archivedAt).toBeNull();
  });

  it("create a campaign for any member and open its page", async () => {
    const { school, colleague } = await world();
    await signIn(colleague.userId, school.id);
    const location = await redirectOf(
      createCampaignAction(
        idle,
        form({
          name: "Rentrée — 5E B",
          targetProfileId: "rentree-6e",
          division: "5E B",
          ownerId: String(colleague.userId),
          title: "",
          customLandingText: "",
        }),
      ),
    );
    const created = await prisma.campaign.findFirstOrThrow({ where: { name: "Rentrée — 5E B" } });
    expect(location).toBe(`/orga/campagnes/${created.id}`);
    expect(created).toMatchObject({ schoolId: school.id, division: "5E B", creatorId: colleague.userId });
  });

  it("return French field errors and write nothing on bad input", async () => {
    const { school, colleague } = await world();
    await signIn(colleague.userId, school.id);
    const state = await createCampaignAction(
      idle,
      form({ name: " ", division: "5E B", ownerId: String(colleague.userId) }),
    );
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { name: ["Indiquez le nom de la campagne."], targetProfileId: ["Choisissez un parcours."] },
    });
    const unknownClass = await createCampaignAction(
      idle,
      form({ name: "x", targetProfileId: "rentree-6e", division: "3E Z", ownerId: String(colleague.userId) }),
    );
    expect(unknownClass).toMatchObject({
      status: "error",
      code: "INVALID_INPUT",
      message: "Cette classe n'existe pas dans votre établissement.",
      details: { field: "division" },
    });
    expect(await prisma.campaign.count({ where: { schoolId: school.id } })).toBe(1);
  });

  it("bulk-create per class for a member", async () => {
    const { school, colleague } = await world();
    await signIn(colleague.userId, school.id);
    const state = await createCampaignsForClassesAction(
      idle,
      form({ targetProfileId: "rentree-6e", divisions: ["5E A", "5E B"] }),
    );
    expect(state).toMatchObject({ status: "success" });
    expect(await prisma.campaign.count({ where: { schoolId: school.id, targetProfileId: "rentree-6e" } })).toBe(2);
  });

  it("let the owner and an ADMIN edit and archive, and refuse another MEMBER (FORBIDDEN, nothing changed)", async () => {
    const { school, admin, owner, colleague, campaign } = await world();
    const edit = (name: string) =>
      form({ campaignId: String(campaign.id), name, ownerId: String(owner.userId), title: "", customLandingText: "" });

    await signIn(colleague.userId, school.id);
    expect(await updateCampaignAction(idle, edit("Par un collègue"))).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
      message: "Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier ou l'archiver.",
    });
    expect(await archiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "error",
      code: "FORBIDDEN",
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      name: campaign.name,
      archivedAt: null,
    });

    await signIn(owner.userId, school.id);
    expect(await updateCampaignAction(idle, edit("Par le propriétaire"))).toMatchObject({
      status: "success",
      message: "Les modifications ont été enregistrées.",
    });
    expect(await archiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "success",
    });
    expect((await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).archivedAt).not.toBeNull();

    await signIn(admin.userId, school.id);
    expect(await unarchiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "success",
    });
    expect(await prisma.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      name: "Par le propriétaire",
      archivedAt: null,
    });
  });

  it("follow the role as it is in the database now, not as it was at sign-in", async () => {
    const { school, colleague, campaign } = await world();
    await signIn(colleague.userId, school.id);
    await prisma.member.update({
      where: { schoolId_userId: { schoolId: school.id, userId: colleague.userId } },
      data: { role: "ADMIN" },
    });
    expect(await archiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "success",
    });
    await prisma.member.delete({ where: { schoolId_userId: { schoolId: school.id, userId: colleague.userId } } });
    expect(await unarchiveCampaignAction(idle, form({ campaignId: String(campaign.id) }))).toMatchObject({
      status: "error",
      code: "UNAUTHENTICATED",
    });
  });
});
