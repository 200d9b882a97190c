import { readFileSync } from "node:fs";

import type { Page } from "@playwright/test";
import Papa from "papaparse";

import { generateCampaignCode } from "../../src/features/campaigns/domain/campaign-code";
import { prisma } from "../../src/lib/db";
import { createCampaign } from "../factories/campaigns";
import { createGarStudentUser, createLearner } from "../factories/learners";
import { schoolByUai, userByEmail } from "../factories/schools";
import { DEMO_ADMIN, DEMO_SCHOOL, axeViolations, expect, signInAs, test, withDb } from "./fixtures";
import { unique } from "./pages/staff";

/**
 * What a teacher does once the class has joined (issue 12): open a learner's page, open one
 * participant's result, filter Résultats by class and export what is shown, duplicate the
 * campaign for another class. Data arranged with the factories; outcomes read with SQL.
 */

async function expectNoSeriousViolations(page: Page, label: string) {
  const serious = (await axeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }))
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) => `${label}: ${violation.id} — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

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

async function arrange() {
  const id = unique()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
  const classA = `5E S${id}`;
  const classB = `5E T${id}`;
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const admin = await userByEmail(DEMO_ADMIN.email);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    code: generateCampaignCode(),
    division: null,
    name: `Suivi ${id}`,
    title: "Bienvenue en 5e",
    customLandingText: "Prenez votre temps.",
  });
  const people = [
    {
      firstName: "Zoé",
      lastName: `SUIVIZOE${id}`,
      division: classA,
      mastery: 0.75,
      ine: `${id}`.slice(0, 10).padEnd(10, "1") + "Z",
    },
    {
      firstName: "Tom",
      lastName: `SUIVITOM${id}`,
      division: classB,
      mastery: 0.25,
      ine: `${id}`.slice(0, 10).padEnd(10, "2") + "T",
    },
  ];
  const learners = [];
  for (const person of people) {
    const user = await createGarStudentUser({
      garId: `IDO-SUIVI-${person.lastName}`,
      firstName: person.firstName,
      lastName: person.lastName,
    });
    await prisma.user.update({ where: { id: user.id }, data: { lastLoggedAt: new Date("2026-09-15T08:30:00Z") } });
    const learner = await createLearner(school.id, {
      firstName: person.firstName,
      lastName: person.lastName,
      division: person.division,
      nationalStudentId: person.ine,
      birthdate: "2013-04-02",
      userId: user.id,
    });
    const participation = await prisma.participation.create({
      data: {
        schoolId: campaign.schoolId,
        campaignId: campaign.id,
        learnerId: learner.id,
        userId: user.id,
        status: "SHARED",
        masteryRate: person.mastery,
        completedAt: new Date(),
        sharedAt: new Date(),
        results: {
          version: 1,
          masteryRate: person.mastery,
          answeredCount: 3,
          correctCount: 1,
          competences: [
            competence("1.1", "Mener une recherche et une veille d'information", 1, 3),
            competence("4.1", "Sécuriser l'environnement numérique", person.mastery, 1),
          ],
          missedChallengeIds: ["ch-test-2", "ch-test-3"],
        },
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
        {
          schoolId: participation.schoolId,
          participationId: participation.id,
          challengeId: "ch-test-3",
          value: "",
          result: "SKIPPED",
        },
      ],
    });
    learners.push({ ...person, learnerId: learner.id, participationId: participation.id });
  }
  return { id, classA, classB, campaign, zoe: learners[0]!, tom: learners[1]! };
}

test("a teacher opens a learner's page from Élèves, reveals the INE (ADMIN), then the participant's result", async ({
  page,
  context,
}) => {
  const { campaign, zoe, classA } = await arrange();
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/eleves?q=${encodeURIComponent(zoe.lastName)}`);
  await page.getByRole("link", { name: zoe.lastName, exact: true }).click();

  await expect(page).toHaveURL(new RegExp(`/orga/eleves/${zoe.learnerId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${zoe.lastName} ${zoe.firstName}`);
  const main = page.getByRole("main");
  await expect(main).toContainText("02/04/2013");
  await expect(main).toContainText(classA);
  await expect(main).toContainText("Médiacentre (ENT)");
  // The INE field itself (the random last name may contain the same characters as the INE).
  await expect(page.getByTestId("learner-ine")).not.toContainText(zoe.ine);
  await expect(page.getByTestId("learner-ine")).toContainText(zoe.ine.slice(-2));
  const row = page.getByRole("row").filter({ hasText: campaign.name });
  await expect(row).toContainText("Résultats reçus");
  await expect(row).toContainText("75 %");
  await expectNoSeriousViolations(page, "page élève");

  await page.getByRole("button", { name: `Afficher l'INE de ${zoe.firstName} ${zoe.lastName}` }).click();
  await expect(page.getByTestId("learner-ine")).toHaveText(zoe.ine);
  const audits = await withDb(
    async (db) =>
      (
        await db.query("SELECT data FROM audit_logs WHERE action = 'learner.ine-revealed' AND target_id = $1", [
          String(zoe.learnerId),
        ])
      ).rows,
  );
  expect(audits).toHaveLength(1);
  expect(JSON.stringify(audits)).not.toContain(zoe.ine);

  await row.getByRole("link", { name: /Voir le résultat/ }).click();
  await expect(page).toHaveURL(new RegExp(`/orga/campagnes/${campaign.id}/participants/${zoe.participationId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${zoe.lastName} ${zoe.firstName}`);
  await expect(page.getByTestId("overall-mastery")).toHaveText("75 %");
  const security = page.getByRole("region", { name: /4\.1 Sécuriser l'environnement numérique/ });
  await expect(security).toContainText("Niveau 1 sur 4");
  await expect(security.getByRole("row", { name: /Tapez « bonjour »/ })).toContainText("Fausse");
  await expect(security.getByRole("row", { name: /Cochez a et c/ })).toContainText("Passée");
  await expect(
    page.getByRole("region", { name: /1\.1 Mener une recherche/ }).getByRole("row", { name: /Question 1/ }),
  ).toContainText("Juste");
  await expectNoSeriousViolations(page, "résultat d'un participant");

  // Let the student retry: a new attempt starts, the shared one stays in the learner's history.
  await page.getByText("Permettre de repasser le parcours", { exact: true }).click();
  await page.getByRole("button", { name: `Confirmer : ${zoe.firstName} ${zoe.lastName} repasse le parcours` }).click();
  await expect(page.getByTestId("participant-status")).toHaveText("En cours");
  await expect(page.getByTestId("not-shared")).toBeVisible();
  const rows = await withDb(
    async (db) =>
      (
        await db.query(
          "SELECT id, status, deleted_at IS NOT NULL AS replaced, retried_at IS NOT NULL AS retried FROM participations WHERE learner_id = $1 ORDER BY id",
          [zoe.learnerId],
        )
      ).rows,
  );
  expect(rows.map((row) => [row.status, row.replaced, row.retried])).toEqual([
    ["SHARED", true, true],
    ["STARTED", false, false],
  ]);
  await page.getByRole("link", { name: "Page de l'élève" }).click();
  await expect(page.getByRole("row").filter({ hasText: "tentative précédente" })).toContainText("75 %");
});

test("a teacher filters Résultats by class, sorts by mastery, exports what is shown, then duplicates the campaign", async ({
  page,
  context,
}) => {
  const { campaign, zoe, tom, classA, classB } = await arrange();
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/campagnes/${campaign.id}/resultats`);
  await expect(page.getByRole("heading", { name: "Résultats reçus (2)" })).toBeVisible();

  await page.getByLabel("Classe", { exact: true }).selectOption(classA);
  await page.getByLabel("Trier par").selectOption("mastery");
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/division=5E\+S.*sort=mastery|sort=mastery.*division=5E\+S/);
  await expect(page.getByRole("heading", { name: "Résultats reçus (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: `${zoe.lastName} ${zoe.firstName}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `${tom.lastName} ${tom.firstName}` })).toHaveCount(0);
  await expect(page.getByTestId("average-mastery")).toHaveText("75 %");
  await expectNoSeriousViolations(page, "résultats filtrés");

  // The link keeps the filters: reloading it shows the same.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Résultats reçus (1)" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter (CSV)" }).click(),
  ]);
  const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const [headers, ...rows] = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ";" }).data;
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
  expect(headers).toContain("Compétence 4.1 Sécuriser l'environnement numérique (%)");
  expect(rows).toHaveLength(1);
  expect(rows[0]!.slice(0, 8)).toEqual([
    campaign.name,
    campaign.code,
    "Parcours de test",
    zoe.lastName,
    zoe.firstName,
    classA,
    zoe.ine,
    "Résultats reçus",
  ]);

  // Duplicate for the other class, from Paramètres.
  await page.getByRole("link", { name: "Paramètres" }).click();
  await expectNoSeriousViolations(page, "paramètres");
  await page.getByLabel("Nom de la nouvelle campagne").fill(`Suivi copie ${classB}`);
  await page.getByLabel("Classe de la nouvelle campagne").selectOption(classB);
  await page.getByRole("button", { name: "Dupliquer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Suivi copie ${classB}` })).toBeVisible();
  const newId = Number(/\/orga\/campagnes\/(\d+)/.exec(page.url())![1]);
  expect(newId).not.toBe(campaign.id);
  const copy = await withDb(
    async (db) =>
      (
        await db.query(
          "SELECT code, division, target_profile_id, title, custom_landing_text, archived_at FROM campaigns WHERE id = $1",
          [newId],
        )
      ).rows[0],
  );
  expect(copy).toMatchObject({
    division: classB,
    target_profile_id: campaign.targetProfileId,
    title: "Bienvenue en 5e",
    custom_landing_text: "Prenez votre temps.",
    archived_at: null,
  });
  expect(copy.code).not.toBe(campaign.code);
  await expect(page.getByTestId("campaign-code")).toHaveAttribute("data-code", copy.code);
});

test("archiving asks for a confirmation, hides projecting and printing, and can be undone; a campaign nobody started can be deleted", async ({
  page,
  context,
}) => {
  const id = unique();
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const admin = await userByEmail(DEMO_ADMIN.email);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: admin.id,
    division: null,
    name: `Archivage ${id}`,
  });
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/campagnes/${campaign.id}/parametres`);
  await expect(page.getByRole("button", { name: "Projeter le code" })).toBeVisible();

  await page.getByText("Archiver la campagne", { exact: true }).click();
  await expect(page.getByText(/Archiver cette campagne \?/)).toBeVisible();
  const archivedAt = async () =>
    withDb(
      async (db) =>
        (await db.query("SELECT archived_at FROM campaigns WHERE id = $1", [campaign.id])).rows[0].archived_at,
    );
  expect(await archivedAt()).toBeNull();
  await page.getByRole("button", { name: "Confirmer : archiver la campagne" }).click();
  await expect(page.getByRole("button", { name: "Annuler l'archivage" })).toBeVisible();
  expect(await archivedAt()).not.toBeNull();
  await expect(page.getByRole("button", { name: "Projeter le code" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Imprimer les fiches élèves" })).toHaveCount(0);
  await expectNoSeriousViolations(page, "paramètres d'une campagne archivée");

  await page.getByRole("button", { name: "Annuler l'archivage" }).click();
  await expect(page.getByRole("button", { name: "Projeter le code" })).toBeVisible();
  expect(await archivedAt()).toBeNull();

  await page.getByText("Supprimer la campagne", { exact: true }).last().click();
  await page.getByRole("button", { name: "Confirmer : supprimer la campagne" }).click();
  await expect(page).toHaveURL(/\/orga\/campagnes\?suppression=faite$/);
  await expect(page.getByRole("status").filter({ hasText: "La campagne a été supprimée." })).toBeVisible();
  expect(
    await withDb(
      async (db) => (await db.query("SELECT count(*)::int AS n FROM campaigns WHERE id = $1", [campaign.id])).rows[0].n,
    ),
  ).toBe(0);
});
