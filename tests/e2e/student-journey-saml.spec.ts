import { spawnSync } from "node:child_process";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import { createCampaign } from "../../src/features/campaigns/mutations";
import { disconnectPrisma } from "../../src/lib/db";
import { operatorSchoolId } from "../../src/lib/operator";
import { schoolByUai } from "../factories/schools";
import { findFixtureStudent } from "../gar/students";
import { appBaseUrl, DEMO_SCHOOL, expect, test, withDb } from "./fixtures";
import { createStaffMember, unique } from "./pages/staff";

/**
 * The student journey over SAML 2.0 (GAR_PROTOCOL=saml): ENT → médiacentre → Pix (a signed
 * AuthnRequest by HTTP-Redirect to the stand-in's IdP, its signed Response POSTed cross-site to
 * /gar/saml/acs) → code → birth date → questions → a new browser comes back with no code. Run by
 * `npm run test:e2e -- tests/e2e/student-journey-saml.spec.ts` (tests/e2e/run.ts starts the app
 * with GAR_PROTOCOL=saml for this spec); skipped in the OIDC pass.
 */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;
const STUDENT = findFixtureStudent("kevin-roux");
const CLASS = STUDENT.siecle!.division;

test.skip(process.env.E2E_GAR_PROTOCOL !== "saml", "runs only when the app speaks SAML (tests/e2e/run.ts)");

let code: string;

test.beforeAll(async () => {
  // The demo SIECLE base (idempotent), as in the OIDC journey: the learner must exist.
  const imported = spawnSync(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "scripts/cli.ts",
      "siecle:import",
      "--uai",
      DEMO_SCHOOL.uai,
      "prisma/seed-data/ElevesSansAdresses-demo.xml",
    ],
    { env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.E2E_DATABASE_URL }, encoding: "utf8" },
  );
  if (imported.status !== 0) throw new Error(`siecle:import : ${imported.stderr}`);
  const schoolId = (await schoolByUai(DEMO_SCHOOL.uai)).id;
  const teacherId = await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    email: `prof.saml.${unique()}@college-e2e.fr`,
    password: "Mot de passe du professeur 2026",
    role: "MEMBER",
    firstName: "Nadia",
    lastName: "Fontaine",
  });
  const campaign = await createCampaign({
    schoolId: operatorSchoolId(schoolId),
    actor: { userId: teacherId, role: "MEMBER" },
    input: {
      name: `SAML — ${CLASS} ${unique()}`,
      targetProfileId: "rentree-6e",
      division: CLASS,
      ownerId: teacherId,
      title: "Parcours SAML",
      customLandingText: null,
    },
  });
  code = campaign.code;
});

test.afterAll(async () => {
  await disconnectPrisma();
});

async function openPixFromEnt(page: Page, key: string) {
  await page.goto(`${garBaseUrl}/ent`);
  await page.locator(`button[name="key"][value="${key}"]`).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
  await page.getByRole("link", { name: /^Pix/ }).click();
}

async function newBrowser(browser: Browser) {
  const context = await browser.newContext({ locale: "fr-FR", timezoneId: "Europe/Paris" });
  return { context, page: await context.newPage() };
}

test("over SAML: a student joins from the ENT, answers, leaves, and comes back with no code", async ({ browser }) => {
  test.setTimeout(90_000);
  const first = await newBrowser(browser);
  let page = first.page;
  const acsPosts: string[] = [];
  page.on("request", (request) => {
    if (request.url() === `${appBaseUrl}/gar/saml/acs`) acsPosts.push(request.method());
  });
  await openPixFromEnt(page, STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  expect(acsPosts).toEqual(["POST"]);
  await page.getByLabel("Code du parcours").fill(code);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(page.getByText(`Bonjour ${STUDENT.firstName} ${STUDENT.lastName}`)).toBeVisible();
  const [year, month, day] = STUDENT.birthdate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  await page.getByRole("link", { name: "Commencer" }).click();
  for (let n = 1; n <= 2; n++) {
    await expect(page.getByText(new RegExp(`^Question ${n} sur environ \\d+$`))).toBeVisible();
    await page.getByRole("button", { name: "Je passe" }).click();
  }
  await expect(page.getByText(/^Question 3 sur environ \d+$/)).toBeVisible();
  await first.context.close();

  const second = await newBrowser(browser);
  page = second.page;
  await openPixFromEnt(page, STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  await expect(page.getByRole("heading", { name: "En cours (1)" })).toBeVisible();
  // One click: straight back to the next question.
  await page.getByRole("link", { name: "Reprendre : Parcours SAML" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);
  await second.context.close();
});

test("over SAML: an unassigned student gets the French page, and a replayed Response is refused", async ({
  browser,
}) => {
  const { context, page } = await newBrowser(browser);
  await page.goto(`${garBaseUrl}/ent`);
  await page.locator('button[name="key"][value="eloise-petit"]').click();
  await expect(page.getByText("La ressource Pix ne vous est pas affectée")).toBeVisible();
  // By typing the app's address: the IdP answers RequestDenied, the app explains.
  await page.goto(`${appBaseUrl}/gar/connexion`);
  await expect(page).toHaveURL(`${appBaseUrl}/gar/erreur/GAR_ACCESS_DENIED`);
  await expect(page.getByRole("heading", { level: 1, name: "Pix ne vous est pas attribué" })).toBeVisible();
  await context.close();

  // A Response captured on its way to the ACS, posted again: refused, nothing written.
  const attacker = await newBrowser(browser);
  let captured: string | null = null;
  attacker.page.on("request", (request) => {
    if (request.url() === `${appBaseUrl}/gar/saml/acs`) captured = request.postData();
  });
  await openPixFromEnt(attacker.page, "loic-petit");
  await expect(attacker.page).toHaveURL(`${appBaseUrl}/rejoindre`);
  expect(captured).toContain("SAMLResponse=");
  const replay = await attacker.context.request.post(`${appBaseUrl}/gar/saml/acs`, {
    headers: { "content-type": "application/x-www-form-urlencoded", origin: garBaseUrl },
    data: captured!,
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(303);
  expect(replay.headers().location).toBe(`${appBaseUrl}/gar/erreur/GAR_ASSERTION_REFUSED`);
  await attacker.page.goto(replay.headers().location!);
  await expect(attacker.page.getByRole("heading", { level: 1, name: "Réponse du GAR refusée" })).toBeVisible();
  await attacker.context.close();
});
