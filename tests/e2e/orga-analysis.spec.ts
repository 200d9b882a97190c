import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";
import Papa from "papaparse";

import { generateCampaignCode } from "../../src/features/campaigns/domain/campaign-code";
import { prisma } from "../../src/lib/db";
import { createCampaign, testSnapshot } from "../factories/campaigns";
import { createGarStudentUser, createLearner } from "../factories/learners";
import { schoolByUai, userByEmail } from "../factories/schools";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL, axeViolations, expect, signInAs, test, withDb } from "./fixtures";
import { unique } from "./pages/staff";

/**
 * Issue 12, items 6 and 7: a teacher reads the class's analysis of a campaign, then chases the
 * students who have not joined it with the printable list and its CSV. Data arranged with the
 * factories; figures checked on the page.
 */

async function expectNoSeriousViolations(page: Page, label: string) {
  const serious = (await axeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }))
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${label}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

type Result = "OK" | "KO" | "SKIPPED";

const competenceNames: Record<string, string> = {
  "1.1": "Mener une recherche et une veille d'information",
  "4.1": "Sécuriser l'environnement numérique",
};

/** A parcours of its own (archived: never offered in the campaign form) with target levels 1.1 → 3, 4.1 → 4. */
async function analysisParcours(id: string) {
  const targetProfileId = `tp-analyse-${id}`;
  await prisma.targetProfile.create({
    data: {
      id: targetProfileId,
      name: "Parcours d'analyse",
      description: "Un parcours pour l'analyse.",
      durationMinutes: 10,
      competenceIds: ["1.1", "4.1"],
      targetLevels: { "1.1": 3, "4.1": 4 },
      isArchived: true,
    },
  });
  return targetProfileId;
}

async function shared(
  campaignId: number,
  schoolId: number,
  division: string,
  name: string,
  levels: Record<string, [number, number]>,
  answers: [string, Result][],
  status: "SHARED" | "TO_SHARE" = "SHARED",
) {
  const user = await createGarStudentUser({ garId: `IDO-ANALYSE-${name}`, lastName: name });
  const learner = await createLearner(schoolId, { lastName: name, firstName: "Élève", division, userId: user.id });
  const participation = await prisma.participation.create({
    data: {
      schoolId,
      campaignId,
      learnerId: learner.id,
      userId: user.id,
      status,
      masteryRate: 0.5,
      completedAt: new Date(),
      sharedAt: status === "SHARED" ? new Date() : null,
      results: {
        version: 1,
        masteryRate: 0.5,
        answeredCount: answers.length,
        correctCount: answers.filter(([, result]) => result === "OK").length,
        competences: Object.entries(levels).map(([competenceId, [levelReached, masteryRate]]) => ({
          competenceId,
          name: competenceNames[competenceId],
          areaCode: competenceId[0],
          levelReached,
          maxLevel: competenceId === "1.1" ? 3 : 4,
          acquiredCount: 0,
          totalCount: 1,
          masteryRate,
          answeredCount: 0,
          correctCount: 0,
        })),
        missedChallengeIds: answers.filter(([, result]) => result !== "OK").map(([id]) => id),
      },
    },
  });
  await prisma.answer.createMany({
    data: answers.map(([challengeId, result]) => ({
      schoolId,
      participationId: participation.id,
      challengeId,
      value: result === "SKIPPED" ? "" : "x",
      result,
    })),
  });
}

test("a teacher reads the Analyse tab: levels per competence, share below the target, missed questions, what to work on next", async ({
  page,
  context,
}) => {
  const id = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const division = `4E AN${id}`;
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const admin = await userByEmail(DEMO_ADMIN.email);
  const targetProfileId = await analysisParcours(id);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    code: generateCampaignCode(),
    division,
    name: `Analyse ${id}`,
    targetProfileId,
    snapshot: testSnapshot(targetProfileId),
  });
  const empty = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    code: generateCampaignCode(),
    division,
    name: `Analyse vide ${id}`,
    targetProfileId,
    snapshot: testSnapshot(targetProfileId),
  });

  // Before anyone shares: the empty state says so in words.
  await shared(empty.id, school.id, division, `ANAVIDE${id}`, { "1.1": [3, 1] }, [["ch-test-1", "OK"]], "TO_SHARE");
  await signInAs(context, { email: DEMO_MEMBER.email });
  await page.goto(`/orga/campagnes/${empty.id}`);
  await page
    .getByRole("navigation", { name: "Sections de la campagne" })
    .getByRole("link", { name: "Analyse" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/orga/campagnes/${empty.id}/analyse$`));
  await expect(page.getByRole("main")).toContainText("Personne n'a encore envoyé ses résultats");

  // A known class: four shared results; a fifth, not shared, does not count.
  await shared(campaign.id, school.id, division, `ANAUN${id}`, { "1.1": [3, 1], "4.1": [4, 1] }, [
    ["ch-test-1", "OK"],
    ["ch-test-2", "OK"],
    ["ch-test-3", "OK"],
  ]);
  await shared(campaign.id, school.id, division, `ANADEUX${id}`, { "1.1": [0, 0], "4.1": [3, 0.5] }, [
    ["ch-test-1", "KO"],
    ["ch-test-2", "OK"],
    ["ch-test-3", "SKIPPED"],
  ]);
  await shared(campaign.id, school.id, division, `ANATROIS${id}`, { "1.1": [0, 0], "4.1": [0, 0] }, [
    ["ch-test-1", "SKIPPED"],
    ["ch-test-2", "KO"],
  ]);
  await shared(campaign.id, school.id, division, `ANAQUATRE${id}`, { "1.1": [3, 1], "4.1": [3, 0.5] }, [
    ["ch-test-1", "OK"],
    ["ch-test-2", "OK"],
    ["ch-test-3", "KO"],
  ]);
  await shared(
    campaign.id,
    school.id,
    division,
    `ANACINQ${id}`,
    { "1.1": [0, 0], "4.1": [0, 0] },
    [["ch-test-1", "KO"]],
    "TO_SHARE",
  );

  await page.goto(`/orga/campagnes/${campaign.id}/analyse`);
  await expect(page.getByRole("heading", { level: 2, name: "Analyse de la classe" })).toBeVisible();
  await expect(page.getByTestId("analysis-basis")).toContainText("Calculée sur les résultats envoyés : 4 élèves.");

  await expect(page.getByTestId("analysis-recommendations").getByRole("listitem")).toHaveText([
    "75 % des élèves (3 sur 4) sont sous le niveau visé (4) en 4.1 Sécuriser l'environnement numérique : à reprendre avec toute la classe.",
    "50 % des élèves (2 sur 4) sont sous le niveau visé (3) en 1.1 Mener une recherche et une veille d'information : à reprendre avec toute la classe.",
  ]);

  const research = page.getByRole("region", { name: "1.1 Mener une recherche et une veille d'information" });
  await expect(page.getByTestId("analysis-summary-1.1")).toContainText(
    "Niveau visé : 3. 2 élèves sur 4 (50 %) sont sous le niveau visé.",
  );
  const researchLevels = research.getByRole("table", { name: /Répartition des niveaux atteints en 1\.1/ });
  await expect(researchLevels.getByRole("row", { name: /Niveau non atteint/ })).toContainText("2");
  await expect(researchLevels.getByRole("row", { name: /Niveau 3 \(niveau visé\)/ })).toContainText("50 %");
  const securityLevels = page.getByRole("table", { name: /Répartition des niveaux atteints en 4\.1/ });
  await expect(securityLevels.getByRole("row")).toHaveCount(4); // header + levels 0, 3, 4
  await expect(securityLevels.getByRole("row", { name: /^Niveau 3/ })).toContainText("2");
  await expect(securityLevels.getByRole("row", { name: /Niveau 4 \(niveau visé\)/ })).toContainText("25 %");

  const missed = page.getByRole("table", { name: /Questions les plus ratées/ });
  const missedRows = missed.getByRole("row");
  await expect(missedRows).toHaveCount(4);
  await expect(missedRows.nth(1)).toContainText("Cochez a et c.");
  await expect(missedRows.nth(1)).toContainText("2 sur 3");
  await expect(missedRows.nth(1)).toContainText("1 réponse fausse, 1 question passée");
  await expect(missedRows.nth(2)).toContainText("Question 1");
  await expect(missedRows.nth(2)).toContainText("2 sur 4");
  await expect(missedRows.nth(3)).toContainText("bonjour");
  await expect(missedRows.nth(3)).toContainText("1 sur 4");

  await expectNoSeriousViolations(page, "onglet Analyse");
});

test("the Analyse tab of a school-wide campaign can be narrowed to one class", async ({ page, context }) => {
  const id = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const [classA, classB] = [`3E WA${id}`, `3E WB${id}`];
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const admin = await userByEmail(DEMO_ADMIN.email);
  const targetProfileId = await analysisParcours(id);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    code: generateCampaignCode(),
    division: null,
    name: `Analyse établissement ${id}`,
    targetProfileId,
    snapshot: testSnapshot(targetProfileId),
  });
  await shared(campaign.id, school.id, classA, `ANAWA${id}`, { "1.1": [3, 1], "4.1": [4, 1] }, [["ch-test-1", "OK"]]);
  await shared(campaign.id, school.id, classB, `ANAWB${id}`, { "1.1": [0, 0], "4.1": [0, 0] }, [["ch-test-1", "KO"]]);

  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/campagnes/${campaign.id}/analyse`);
  await expect(page.getByTestId("analysis-basis")).toContainText("Calculée sur les résultats envoyés : 2 élèves.");
  await page.getByLabel("Classe", { exact: true }).selectOption(classB);
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page.getByTestId("analysis-basis")).toContainText(
    `Calculée sur les résultats envoyés : 1 élève de la classe ${classB}.`,
  );
  await expect(page.getByTestId("analysis-summary-1.1")).toContainText(
    "1 élève sur 1 (100 %) est sous le niveau visé.",
  );
  await expect(page.getByRole("table", { name: /Questions les plus ratées/ }).getByRole("row")).toHaveCount(2);
  await expectNoSeriousViolations(page, "onglet Analyse filtré par classe");
});

test("a teacher prints and downloads the list of the class's students who have not joined the campaign yet", async ({
  page,
  context,
}) => {
  const id = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const division = `6E NJ${id}`;
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const admin = await userByEmail(DEMO_ADMIN.email);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    code: generateCampaignCode(),
    division,
    name: `Relance ${id}`,
  });
  // Arrived through the GAR but never typed the code; never arrived at all; joined (not listed).
  const signedIn = await createGarStudentUser({ garId: `IDO-NJ-${id}`, firstName: "Léa", lastName: `NJMARTIN${id}` });
  await createLearner(school.id, {
    firstName: "Léa",
    lastName: `NJMARTIN${id}`,
    birthdate: "2014-04-02",
    division,
    userId: signedIn.id,
  });
  await createLearner(school.id, { firstName: "Tom", lastName: `NJDURAND${id}`, birthdate: "2013-12-31", division });
  const joinedUser = await createGarStudentUser({ garId: `IDO-NJ-J-${id}`, lastName: `NJBERNARD${id}` });
  const joined = await createLearner(school.id, {
    firstName: "Zoé",
    lastName: `NJBERNARD${id}`,
    division,
    userId: joinedUser.id,
  });
  await prisma.participation.create({
    data: { schoolId: school.id, campaignId: campaign.id, learnerId: joined.id, userId: joinedUser.id },
  });

  await signInAs(context, { email: DEMO_MEMBER.email });
  await page.goto(`/orga/campagnes/${campaign.id}`);
  await expect(page.getByRole("heading", { name: "Pas encore rejoint (2)" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger la liste (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`pas-encore-rejoint-6E-NJ${id}-${campaign.code}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(Papa.parse<string[]>(csv.slice(1).trimEnd(), { delimiter: ";" }).data).toEqual([
    ["Classe", "Nom", "Prénom", "Date de naissance", "Déjà connecté à Pix depuis l'ENT (Oui/Non)"],
    [division, `NJDURAND${id}`, "Tom", "31/12/2013", "Non"],
    [division, `NJMARTIN${id}`, "Léa", "02/04/2014", "Oui"],
  ]);

  await page.getByRole("link", { name: "Imprimer la liste" }).click();
  await expect(page).toHaveURL(new RegExp(`/orga/campagnes/${campaign.id}/pas-encore-rejoint$`));
  await expect(
    page.getByRole("heading", { level: 1, name: `${division} : élèves qui n'ont pas encore rejoint la campagne` }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `${division} : 2 élèves` })).toBeVisible();
  const items = page.getByRole("main").getByRole("listitem").filter({ hasText: "né(e) le" });
  await expect(items).toHaveText([
    `☐ NJDURAND${id} Tom, né(e) le 31/12/2013 (jamais connecté)`,
    `☐ NJMARTIN${id} Léa, né(e) le 02/04/2014`,
  ]);
  await expect(page.getByRole("main")).not.toContainText(`NJBERNARD${id}`);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  await expectNoSeriousViolations(page, "liste pas encore rejoint");

  // The read is in the Journal (ids, no names).
  const audits = await withDb(
    async (db) =>
      (
        await db.query("SELECT data FROM audit_logs WHERE action = 'read.not_joined_list' AND target_id = $1", [
          String(campaign.id),
        ])
      ).rows,
  );
  expect(audits).toHaveLength(2);
  expect(JSON.stringify(audits)).not.toContain("NJDURAND");

  // The same list from the Classes page.
  await page.goto("/orga/classes");
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: division }) });
  await row.getByRole("link", { name: /Qui n'a pas encore rejoint \?/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orga/campagnes/${campaign.id}/pas-encore-rejoint$`));
  await expect(page.getByRole("heading", { level: 2, name: `${division} : 2 élèves` })).toBeVisible();
});
