import Papa from "papaparse";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { prisma } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/tokens";

import { createCampaign } from "../../../../../../tests/factories/campaigns";
import { createGarStudentUser, createLearner } from "../../../../../../tests/factories/learners";
import { createSharedParticipation } from "../../../../../../tests/factories/runner";
import { createMember, createSchool } from "../../../../../../tests/factories/schools";
import { cookieJar, setSessionCookie } from "../../../../../../tests/support/next-request";

/** The CSV export route as the browser calls it: filters from the URL, the INE column for ADMINs only. */
vi.mock("next/headers", async () => (await import("../../../../../../tests/support/next-request")).nextHeadersMock());

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

async function arrange() {
  const school = await createSchool();
  const admin = await createMember({ schoolId: school.id, role: "ADMIN" });
  const teacher = await createMember({ schoolId: school.id, role: "MEMBER" });
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: teacher.userId,
    division: null,
    name: "Rentrée",
  });
  const people = [
    { lastName: "MARTIN", division: "4E A", ine: "1111111111A", mastery: 0.5 },
    { lastName: "DURAND", division: "4E B", ine: "2222222222B", mastery: 0.8 },
    { lastName: "BERNARD", division: "4E B", ine: "3333333333C", mastery: 0.3 },
  ];
  for (const [index, person] of people.entries()) {
    const user = await createGarStudentUser({ garId: `IDO-EXPORT-${index}-${Date.now()}` });
    const learner = await createLearner(school.id, {
      lastName: person.lastName,
      division: person.division,
      nationalStudentId: person.ine,
      userId: user.id,
    });
    await createSharedParticipation({
      campaignId: campaign.id,
      learnerId: learner.id,
      userId: user.id,
      masteryRate: person.mastery,
    });
  }
  return { school, admin, teacher, campaign };
}

async function exportCsv(campaignId: number, query = "") {
  const response = await GET(new Request(`http://localhost/orga/campagnes/${campaignId}/export${query}`), {
    params: Promise.resolve({ id: String(campaignId) }),
  });
  expect(response.status).toBe(200);
  const text = (await response.text()).replace(/^\uFEFF/, "");
  return Papa.parse<string[]>(text.trimEnd(), { delimiter: ";" }).data;
}

describe("GET /orga/campagnes/[id]/export", () => {
  it("for an ADMIN: the campaign, the parcours and the INE on every line, the class filter and the mastery sort applied", async () => {
    const { school, admin, campaign } = await arrange();
    await signIn(admin.userId, school.id);
    const [headers, ...rows] = await exportCsv(campaign.id, "?division=4E+B&sort=mastery");
    expect(headers!.slice(0, 8)).toEqual([
      "Campagne",
      "Code de la campagne",
      "Parcours",
      "Nom",
      "Prénom",
      "Classe",
      "INE",
      "Statut",
    ]);
    expect(headers).toContain("Maîtrise globale (%)");
    expect(headers).toContain("Compétence 1.1 Mener une recherche et une veille d'information (%)");
    expect(rows.map((row) => [row[0], row[1], row[2], row[3], row[5], row[6]])).toEqual([
      ["Rentrée", campaign.code, "Parcours de test", "DURAND", "4E B", "2222222222B"],
      ["Rentrée", campaign.code, "Parcours de test", "BERNARD", "4E B", "3333333333C"],
    ]);
  });

  it("for a MEMBER (even the owner): no INE column, no INE anywhere", async () => {
    const { school, teacher, campaign } = await arrange();
    await signIn(teacher.userId, school.id);
    const [headers, ...rows] = await exportCsv(campaign.id, "?status=shared");
    expect(headers).not.toContain("INE");
    expect(headers!.slice(5, 7)).toEqual(["Classe", "Statut"]);
    expect(rows.map((row) => row[3])).toEqual(["BERNARD", "DURAND", "MARTIN"]);
    expect(JSON.stringify(rows)).not.toMatch(/1111111111A|2222222222B|3333333333C/);
  });

  it("a status with nobody gives the header line only; an unknown parameter falls back to everyone", async () => {
    const { school, admin, campaign } = await arrange();
    await signIn(admin.userId, school.id);
    expect(await exportCsv(campaign.id, "?status=in-progress")).toHaveLength(1);
    expect(await exportCsv(campaign.id, "?status=nimporte&division=")).toHaveLength(4);
  });
});
