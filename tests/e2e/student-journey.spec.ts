import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import { createCampaign } from "../../src/features/campaigns/mutations";
import type { CampaignSnapshot, ChallengeSnapshot } from "../../src/features/parcours/types";
import { disconnectPrisma } from "../../src/lib/db";
import { operatorSchoolId } from "../../src/lib/operator";
import { findFixtureStudent } from "../gar/students";
import { appBaseUrl, DEMO_SCHOOL, expect, test, withDb } from "./fixtures";
import { createStaffMember, signInWithForm, unique } from "./pages/staff";

/**
 * Issue 6's journey, end to end through the real GAR/ENT stand-in: a student of a class joins
 * the class campaign from the médiacentre, answers about half, closes the browser, comes back
 * through the ENT with no code, resumes at exactly the next question, finishes and shares; then
 * the teacher finds those results on the campaign page and in the CSV export.
 *
 * The demo SIECLE base is imported with the operator CLI (idempotent) and the campaign is
 * created by the real mutation, so its snapshot is the parcours as loaded by the seed.
 */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;
const PARCOURS_ID = "rentree-6e";
const STUDENT = findFixtureStudent("camille-morel");
const CLASS = STUDENT.siecle!.division;

function runTsx(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", ...args],
    {
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.E2E_DATABASE_URL },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`${args.join(" ")} : ${result.stderr}`);
}

type Arranged = {
  campaignId: number;
  code: string;
  name: string;
  teacher: { email: string; password: string };
  learner: { firstName: string; lastName: string };
};
let arranged: Arranged;

test.beforeAll(async () => {
  runTsx(["scripts/cli.ts", "siecle:import", "--uai", DEMO_SCHOOL.uai, "prisma/seed-data/ElevesSansAdresses-demo.xml"]);
  const { schoolId, learner } = await withDb(async (db) => {
    const school = (
      await db.query<{ id: number }>("SELECT id FROM schools WHERE uai = $1 AND archived_at IS NULL", [DEMO_SCHOOL.uai])
    ).rows[0]!;
    const learners = await db.query<{ first_name: string; last_name: string; user_id: number | null }>(
      `SELECT first_name, coalesce(preferred_last_name, last_name) AS last_name, user_id FROM learners
       WHERE school_id = $1 AND national_student_id = $2 AND NOT is_disabled`,
      [school.id, STUDENT.siecle!.nationalStudentId],
    );
    return { schoolId: school.id, learner: learners.rows[0] };
  });
  // The journey starts with a student Pix has never seen: code and birth date, then an account.
  expect(learner, "the fixture student is in the imported base").toBeDefined();
  expect(learner!.user_id, "the fixture student has no Pix account yet").toBeNull();

  const teacher = { email: `prof.parcours.${unique()}@college-e2e.fr`, password: "Mot de passe du professeur 2026" };
  const teacherId = await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    ...teacher,
    role: "MEMBER",
    firstName: "Nadia",
    lastName: "Fontaine",
  });

  // `@/lib/db` reads DATABASE_URL on first use; the app under test uses the same database.
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const name = `Rentrée en 6e — ${CLASS} (Mme Fontaine)`;
  const campaign = await createCampaign({
    // The test is the operator here: the school is the demo school it just looked up.
    schoolId: operatorSchoolId(schoolId),
    actor: { userId: teacherId, role: "MEMBER" },
    input: {
      name,
      targetProfileId: PARCOURS_ID,
      division: CLASS,
      ownerId: teacherId,
      title: "Parcours de rentrée",
      customLandingText: null,
    },
  });
  arranged = {
    campaignId: campaign.id,
    code: campaign.code,
    name,
    teacher,
    learner: { firstName: learner!.first_name, lastName: learner!.last_name },
  };
});

test.afterAll(async () => {
  await disconnectPrisma();
});

/** The campaign's frozen questions, answer keys included (never sent to the browser). */
async function campaignSnapshot(campaignId: number): Promise<CampaignSnapshot> {
  return withDb(
    async (db) =>
      (
        await db.query<{ challenge_snapshot: CampaignSnapshot }>(
          "SELECT challenge_snapshot FROM campaigns WHERE id = $1",
          [campaignId],
        )
      ).rows[0]!.challenge_snapshot,
  );
}

async function openPixFromEnt(page: Page) {
  await page.goto(`${garBaseUrl}/ent`);
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  await page.locator(`button[name="key"][value="${STUDENT.key}"]`).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
  await page.getByRole("link", { name: /^Pix/ }).click();
}

async function newStudentBrowser(browser: Browser) {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  return { context, page: await context.newPage() };
}

/** "Question 3 sur environ 12" → { current: 3, estimate: 12 }. */
async function progressOf(page: Page): Promise<{ current: number; estimate: number }> {
  const label = page.getByText(/^Question \d+ sur environ \d+$/);
  await expect(label).toBeVisible();
  const [, current, estimate] = /^Question (\d+) sur environ (\d+)$/.exec((await label.textContent())!)!;
  return { current: Number(current), estimate: Number(estimate) };
}

type Outcome = "right" | "wrong" | "skip";

/**
 * Answers the question on screen from what the page shows (radio buttons, check boxes or a text
 * field), using the snapshot's answer key for a right answer. Returns the question answered.
 */
async function answerQuestion(page: Page, snapshot: CampaignSnapshot, outcome: Outcome): Promise<ChallengeSnapshot> {
  const id = await page.locator('input[name="challengeId"]').inputValue();
  const challenge = snapshot.challenges.find((candidate) => candidate.id === id)!;
  expect(challenge, `question ${id} belongs to the campaign's snapshot`).toBeDefined();
  const radios = page.locator('input[name="choice"][type="radio"]');
  const checkboxes = page.locator('input[name="choice"][type="checkbox"]');
  const text = page.getByLabel("Votre réponse");
  const fields = page.locator('input[name="field"]');
  const images = page.locator("fieldset label img");
  const shownType =
    (await fields.count()) > 0
      ? "QROCM"
      : (await radios.count()) > 0
        ? (await images.count()) > 0
          ? "QCU_IMAGE"
          : "QCU"
        : (await checkboxes.count()) > 0
          ? "QCM"
          : "QROC";
  expect(shownType).toBe(challenge.type);

  if (outcome === "skip") {
    await page.getByRole("button", { name: "Je passe" }).click();
  } else {
    if (shownType === "QROC") {
      await text.fill(outcome === "right" ? challenge.answerKey[0]! : "je ne sais pas");
    } else if (shownType === "QROCM") {
      for (const [index, field] of challenge.proposals.entries())
        await fields.nth(index).fill(outcome === "right" ? challenge.fieldAnswers![field.id]![0]! : "je ne sais pas");
    } else {
      const wrongChoice = challenge.proposals.find((proposal) => !challenge.answerKey.includes(proposal.id))!.id;
      const choices = outcome === "right" ? challenge.answerKey : [wrongChoice];
      for (const choice of choices) await page.locator(`input[name="choice"][value="${choice}"]`).check();
    }
    await page.getByRole("button", { name: "Je valide" }).click();
  }
  // The next question (a new id) or the results page.
  await expect(page.locator(`input[name="challengeId"][value="${challenge.id}"]`)).toHaveCount(0);
  return challenge;
}

test("a student joins from the ENT, answers half, leaves, resumes from the ENT with no code, finishes and shares; the teacher sees the results and exports them", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { campaignId, code, name, teacher, learner } = arranged;
  const snapshot = await campaignSnapshot(campaignId);
  expect(snapshot.challenges.length).toBeGreaterThan(10);

  // ENT → médiacentre → Pix → campaign code → birth date → terms → the campaign's start page.
  const first = await newStudentBrowser(browser);
  let page = first.page;
  await openPixFromEnt(page);
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  await page.getByLabel("Code du parcours").fill(code);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre/${code}`);
  await expect(page.getByText(`Bonjour ${STUDENT.firstName} ${STUDENT.lastName}`)).toBeVisible();
  const [year, month, day] = STUDENT.birthdate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();
  await expect(page.getByRole("heading", { name: "Conditions d'utilisation de Pix" })).toBeVisible();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  await expect(page.getByRole("heading", { level: 1, name: "Parcours de rentrée" })).toBeVisible();
  // The participation starts at *Commencer* (a form), not at the code or the birth date.
  await page.getByRole("button", { name: "Commencer" }).click();

  // About half of the questions: right, wrong, skipped in turn.
  const { current, estimate } = await progressOf(page);
  expect(current).toBe(1);
  const half = Math.floor(estimate / 2);
  expect(half).toBeGreaterThanOrEqual(3);
  const tally = { right: 0, missed: 0, answered: 0 };
  const pattern: Outcome[] = ["right", "wrong", "skip"];
  for (let n = 1; n <= half; n++) {
    expect((await progressOf(page)).current).toBe(n);
    const outcome = pattern[(n - 1) % pattern.length]!;
    await answerQuestion(page, snapshot, outcome);
    tally.answered += 1;
    if (outcome === "right") tally.right += 1;
    else tally.missed += 1;
  }
  // Anchored: Next's route announcer also reads out the page title ("Question 8 sur environ 14 · Pix").
  await expect(page.getByText(new RegExp(`^Question ${half + 1} sur environ \\d+$`))).toBeVisible();
  const nextBeforeLeaving = await page.locator('input[name="challengeId"]').inputValue();
  const saved = await withDb(async (db) =>
    Number(
      (
        await db.query<{ n: string }>(
          "SELECT count(*) AS n FROM answers a JOIN participations p ON p.id = a.participation_id WHERE p.campaign_id = $1",
          [campaignId],
        )
      ).rows[0]!.n,
    ),
  );
  expect(saved).toBe(half);

  // The browser is closed: the Pix and ENT sessions go with it.
  await first.context.close();

  // Later, a new browser: ENT → médiacentre → Pix, no code, straight to "Mes parcours".
  const second = await newStudentBrowser(browser);
  page = second.page;
  await openPixFromEnt(page);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Mes parcours" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "En cours (1)" })).toBeVisible();
  // One click: straight to the question after the last one answered.
  await page.getByRole("link", { name: "Reprendre : Parcours de rentrée" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);

  // Exactly the next question.
  expect((await progressOf(page)).current).toBe(half + 1);
  await expect(page.locator('input[name="challengeId"]')).toHaveValue(nextBeforeLeaving);

  // The rest, all right, until the runner sends the student to the results.
  const results = page.getByRole("heading", { level: 1, name: "Vos résultats" });
  for (let guard = 0; !(await results.isVisible()); guard++) {
    expect(guard, "the campaign ends before running out of questions").toBeLessThan(snapshot.challenges.length);
    await expect(page.getByRole("button", { name: "Je valide" }).or(results)).toBeVisible();
    if (await results.isVisible()) break;
    await answerQuestion(page, snapshot, "right");
    tally.answered += 1;
    tally.right += 1;
  }
  expect(tally.answered).toBeGreaterThan(half);

  // Results: overall mastery, per competence, the questions missed.
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/resultats`);
  const overallText = await page.getByText(/^\d+\s%$/).textContent();
  const overall = Number(/^(\d+)/.exec(overallText!)![1]);
  expect(overall).toBeGreaterThan(0);
  expect(overall).toBeLessThan(100);
  await expect(page.getByText(`${tally.right} bonnes réponses sur ${tally.answered} questions.`)).toBeVisible();
  // The percentage is explained in words: mastery of the parcours' skills, not the share of right answers.
  await expect(page.getByTestId("mastery-explained")).toHaveText(
    new RegExp(`^${overall}\\s% des acquis du parcours sont maîtrisés\\. Ce n'est pas la part de bonnes réponses`),
  );
  await expect(page.getByRole("region", { name: "Par compétence" }).getByRole("listitem")).toHaveCount(
    snapshot.competences.length,
  );
  await expect(page.getByRole("region", { name: "Les questions à revoir" }).getByRole("listitem")).toHaveCount(
    tally.missed,
  );
  const stored = await withDb(
    async (db) =>
      (
        await db.query<{ status: string; mastery_rate: number }>(
          "SELECT status, mastery_rate FROM participations WHERE campaign_id = $1",
          [campaignId],
        )
      ).rows,
  );
  expect(stored).toHaveLength(1);
  expect(stored[0]!.status).toBe("TO_SHARE");
  expect(Math.round(Number(stored[0]!.mastery_rate) * 100)).toBe(overall);
  await page.screenshot({ path: "test-results/student-journey-results.png", fullPage: true });

  await page.getByRole("button", { name: "Envoyer mes résultats à mon établissement" }).click();
  const today = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date());
  await expect(page.getByText(`Résultats envoyés le ${today}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Envoyer mes résultats à mon établissement" })).toHaveCount(0);
  await page.getByRole("link", { name: "Revenir à mes parcours" }).click();
  await expect(page.getByRole("heading", { name: "Envoyés (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^En cours/ })).toHaveCount(0);
  await second.context.close();

  // The teacher, with the real sign-in form: the campaign page shows the shared results.
  const staff = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  const orga = await staff.newPage();
  await signInWithForm(orga, teacher.email, teacher.password);
  const navigation = orga.getByRole("navigation", { name: "Navigation principale" });
  await expect(navigation).toBeVisible();
  await navigation.getByRole("link", { name: "Campagnes" }).click();
  await orga.getByRole("link", { name }).click();
  await expect(orga.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(orga.getByTestId("count-SHARED")).toContainText("1");
  await expect(orga.getByRole("row", { name: new RegExp(`${learner.lastName}.*Résultats reçus`) })).toBeVisible();

  await orga.getByRole("link", { name: "Résultats" }).click();
  await expect(orga.getByRole("heading", { name: "Résultats reçus (1)" })).toBeVisible();
  const row = orga.getByRole("row", { name: new RegExp(`^${learner.lastName} ${learner.firstName}`) });
  await expect(row).toBeVisible();
  await expect(row.getByRole("cell").nth(0)).toHaveText(CLASS);
  await expect(row.getByRole("cell").nth(1)).toHaveText(today);
  await expect(row.getByRole("cell").nth(2)).toHaveText(`${overall} %`);
  await expect(orga.getByTestId("average-mastery")).toHaveText(`${overall} %`);
  await orga.screenshot({ path: "test-results/student-journey-orga-results.png", fullPage: true });

  // CSV export: UTF-8 with BOM, `;`, French headers, the class, the student's mastery.
  const [download] = await Promise.all([
    orga.waitForEvent("download"),
    orga.getByRole("link", { name: "Exporter (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`resultats-campagne-${code}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines).toHaveLength(2);
  const headers = lines[0]!.split(";");
  // The campaign first; a MEMBER's export has no INE column.
  expect(headers.slice(0, 3)).toEqual(["Campagne", "Code de la campagne", "Parcours"]);
  expect(headers.slice(3, 12)).toEqual([
    "Nom",
    "Prénom",
    "Classe",
    "Statut",
    "Progression (%)",
    "Date de début",
    "Résultats envoyés (Oui/Non)",
    "Date d'envoi",
    "Maîtrise globale (%)",
  ]);
  expect(headers.slice(12)).toEqual(
    snapshot.competences.map((competence) => `Compétence ${competence.id} ${competence.name} (%)`),
  );
  const cells = lines[1]!.split(";");
  expect(cells.slice(0, 2)).toEqual([name, code]);
  expect(cells.slice(3, 12)).toEqual([
    learner.lastName,
    learner.firstName,
    CLASS,
    "Résultats reçus",
    "100",
    today,
    "Oui",
    today,
    String(overall),
  ]);
  for (const rate of cells.slice(12)) expect(rate).toMatch(/^(\d{1,2}|100)$/);
  await staff.close();
});
