import Papa from "papaparse";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

import { createCampaign } from "../../../../../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../../../../../tests/factories/learners";
import { createMember, createSchool } from "../../../../../../../tests/factories/schools";
import { cookieJar, setSessionCookie } from "../../../../../../../tests/support/next-request";

/** The "pas encore rejoint" CSV as the browser calls it: the class's learners with no participation in the campaign. */
vi.mock("next/headers", async () =>
  (await import("../../../../../../../tests/support/next-request")).nextHeadersMock(),
);

const { GET } = await import("./route");

beforeEach(() => cookieJar.clear());

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
  await prisma.user.update({ where: { id: userId }, data: { cguAcceptedAt: new Date() } });
  setSessionCookie(token);
}

let garSequence = 0;
const garUser = () => createGarStudentUser({ garId: `IDO-NOT-JOINED-${++garSequence}-${Date.now()}` });

async function arrange() {
  const school = await createSchool();
  const other = await createSchool();
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const outsider = await createMember({ schoolId: other.id, role: "ADMIN" });
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: teacher.userId,
    division: "6E B",
    code: "NJQWER234",
  });

  // In the list: signed in through the GAR once but never typed the code; never signed in; a
  // participation the school deleted (the student may start again).
  const lea = await createLearner(school.id, {
    firstName: "Léa",
    lastName: "MARTIN",
    birthdate: "2013-04-02",
    division: "6E B",
    userId: (await garUser()).id,
  });
  const tom = await createLearner(school.id, {
    firstName: "Tom",
    lastName: "DURAND",
    birthdate: "2012-12-31",
    division: "6E B",
  });
  const noeUser = await garUser();
  const noe = await createLearner(school.id, {
    firstName: "Noé",
    lastName: "ROUX",
    birthdate: "2013-01-15",
    division: "6E B",
    userId: noeUser.id,
  });
  await prisma.participation.create({
    data: {
      schoolId: school.id,
      campaignId: campaign.id,
      learnerId: noe.id,
      userId: noeUser.id,
      deletedAt: new Date(),
    },
  });

  // Not in the list: joined; another class; left the school; a namesake of Léa in another school.
  const zoeUser = await garUser();
  const zoe = await createLearner(school.id, {
    firstName: "Zoé",
    lastName: "BERNARD",
    division: "6E B",
    userId: zoeUser.id,
  });
  await prisma.participation.create({
    data: { schoolId: school.id, campaignId: campaign.id, learnerId: zoe.id, userId: zoeUser.id },
  });
  await createLearner(school.id, { firstName: "Ali", lastName: "PETIT", division: "6E A" });
  await createLearner(school.id, { firstName: "Parti", lastName: "ANCIEN", division: "6E B", isDisabled: true });
  await createLearner(other.id, { firstName: "Léa", lastName: "MARTIN", birthdate: "2013-04-02", division: "6E B" });

  return { school, other, teacher, outsider, campaign, lea, tom, noe };
}

const call = (campaignId: number | string) =>
  GET(new Request(`http://localhost/orga/campagnes/${campaignId}/pas-encore-rejoint/export`), {
    params: Promise.resolve({ id: String(campaignId) }),
  });

/** The body's rows; it starts with the UTF-8 BOM Excel needs (Response.text() would drop it silently). */
async function parse(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ";" }).data;
}

describe("GET /orga/campagnes/[id]/pas-encore-rejoint/export", () => {
  it("lists the class's learners not joined yet, for a MEMBER: class, names, birth date, GAR sign-in", async () => {
    const { school, teacher, campaign, lea, tom, noe } = await arrange();
    await signIn(teacher.userId, school.id);
    const response = await call(campaign.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="pas-encore-rejoint-6E-B-NJQWER234.csv"',
    );
    expect(await parse(response)).toEqual([
      ["Classe", "Nom", "Prénom", "Date de naissance", "Déjà connecté à Pix depuis l'ENT (Oui/Non)"],
      ["6E B", "DURAND", "Tom", "31/12/2012", "Non"],
      ["6E B", "MARTIN", "Léa", "02/04/2013", "Oui"],
      ["6E B", "ROUX", "Noé", "15/01/2013", "Oui"],
    ]);

    // The read is in the Journal, with ids only.
    const audit = await prisma.auditLog.findFirst({
      where: { schoolId: school.id, action: "read.not_joined_list" },
      select: { actorUserId: true, targetId: true, data: true },
    });
    expect(audit).toMatchObject({ actorUserId: teacher.userId, targetId: String(campaign.id) });
    expect((audit!.data as { learnerIds: number[] }).learnerIds.sort()).toEqual([lea.id, tom.id, noe.id].sort());
    expect(JSON.stringify(audit!.data)).not.toContain("MARTIN");
  });

  it("answers 404 to another school's member and 401 without a session", async () => {
    const { other, outsider, campaign } = await arrange();
    expect((await call(campaign.id)).status).toBe(401);
    await signIn(outsider.userId, other.id);
    expect((await call(campaign.id)).status).toBe(404);
    expect((await call("abc")).status).toBe(404);
  });

  it("has only the header row for a school-wide campaign (no class to compare with)", async () => {
    const school = await createSchool();
    const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
    await createLearner(school.id, { division: "6E B" });
    const campaign = await createCampaign({ schoolId: school.id, ownerId: admin.userId, division: null });
    await signIn(admin.userId, school.id);
    const rows = await parse(await call(campaign.id));
    expect(rows).toHaveLength(1);
  });
});
