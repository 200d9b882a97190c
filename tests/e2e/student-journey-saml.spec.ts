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
/** Single logout: a student no other spec uses, in a class of their own campaign. */
const SLO_STUDENT = findFixtureStudent("louise-laurent");

test.skip(process.env.E2E_GAR_PROTOCOL !== "saml", "runs only when the app speaks SAML (tests/e2e/run.ts)");

let code: string;
let sloCode: string;

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
  const campaignFor = (division: string, title: string) =>
    createCampaign({
      schoolId: operatorSchoolId(schoolId),
      actor: { userId: teacherId, role: "MEMBER" },
      input: {
        name: `SAML — ${division} ${unique()}`,
        targetProfileId: "rentree-6e",
        division,
        ownerId: teacherId,
        title,
        customLandingText: null,
      },
    });
  code = (await campaignFor(CLASS, "Parcours SAML")).code;
  sloCode = (await campaignFor(SLO_STUDENT.siecle!.division, "Parcours SLO")).code;
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
  await page.getByRole("button", { name: "Commencer" }).click();
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

/** The SLO student's live sessions and SAML sign-ins, read in PostgreSQL. */
function sloStudentRows() {
  return withDb(async (db) => {
    const { rows } = await db.query<{ sessions: string; logins: string }>(
      `SELECT (SELECT count(*) FROM sessions s WHERE s.user_id = l.user_id AND s.kind = 'STUDENT') AS sessions,
              (SELECT count(*) FROM gar_saml_logins g JOIN sessions s ON s.id = g.session_id WHERE s.user_id = l.user_id) AS logins
         FROM learners l WHERE l.national_student_id = $1`,
      [SLO_STUDENT.siecle!.nationalStudentId],
    );
    return { sessions: Number(rows[0]?.sessions ?? 0), logins: Number(rows[0]?.logins ?? 0) };
  });
}

async function expectSignedOutOfPix(page: Page) {
  await page.goto(`${appBaseUrl}/`);
  await expect(page.getByRole("heading", { level: 1, name: "Bienvenue sur Pix" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Se connecter depuis mon ENT" })).toBeVisible();
}

test("over SAML: signing out of the ENT démo signs the student out of Pix (SOAP back-channel, then redirect)", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const { context, page } = await newBrowser(browser);
  // First visit: code, birth date, terms; the session is started by the reconciliation.
  await openPixFromEnt(page, SLO_STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  await page.getByLabel("Code du parcours").fill(sloCode);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  const [year, month, day] = SLO_STUDENT.birthdate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${sloCode}/demarrer`);
  expect(await sloStudentRows()).toEqual({ sessions: 1, logins: 1 });
  await page.goto(`${garBaseUrl}/ent/mediacentre`);
  await page.getByRole("button", { name: "Se déconnecter de l'ENT", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  expect(await sloStudentRows()).toEqual({ sessions: 0, logins: 0 });
  await expectSignedOutOfPix(page);
  await context.close();
});

test("over SAML: the GAR's SOAP back-channel alone ends the Pix session, the browser never passing by", async ({
  browser,
}) => {
  const { context, page } = await newBrowser(browser);
  // Known now: straight to Mes parcours.
  await openPixFromEnt(page, SLO_STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  expect(await sloStudentRows()).toEqual({ sessions: 1, logins: 1 });
  const visited: string[] = [];
  page.on("request", (request) => visited.push(request.url().split("?")[0]!));
  await page.goto(`${garBaseUrl}/ent/mediacentre`);
  await page.getByRole("button", { name: "Tester la déconnexion unique par SOAP seul" }).click();
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  // (The Pix page left behind may still prefetch its links; our SLO URL is never visited.)
  expect(visited).not.toContain(`${appBaseUrl}/gar/saml/logout`);
  expect(await sloStudentRows()).toEqual({ sessions: 0, logins: 0 });
  // The Pix cookie is still in this browser, but its session is gone.
  expect((await context.cookies(appBaseUrl)).map((cookie) => cookie.name)).toContain("pix_session");
  await expectSignedOutOfPix(page);
  await context.close();
});

test("over SAML: the ENT démo's redirect-only sign-out (front-channel LogoutRequest) ends the Pix session", async ({
  browser,
}) => {
  const { context, page } = await newBrowser(browser);
  // Known now: straight to Mes parcours.
  await openPixFromEnt(page, SLO_STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  expect(await sloStudentRows()).toEqual({ sessions: 1, logins: 1 });
  const visited: string[] = [];
  page.on("request", (request) => visited.push(request.url().split("?")[0]!));
  await page.goto(`${garBaseUrl}/ent/mediacentre`);
  await page.getByRole("button", { name: "Tester la déconnexion unique par redirection seule" }).click();
  // ENT → our SLO (signed LogoutRequest) → the IdP (our signed LogoutResponse) → the ENT's sign-in page.
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  expect(visited).toContain(`${appBaseUrl}/gar/saml/logout`);
  expect(visited).toContain(`${garBaseUrl}/saml/slo`);
  expect(await sloStudentRows()).toEqual({ sessions: 0, logins: 0 });
  await expectSignedOutOfPix(page);
  await context.close();
});

test("over SAML: our sign-out goes through the IdP (signed LogoutRequest) and back, ending the ENT session too", async ({
  browser,
}) => {
  const { context, page } = await newBrowser(browser);
  await openPixFromEnt(page, SLO_STUDENT.key);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  const visited: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    visited.push(
      `${url.origin}${url.pathname}${url.searchParams.has("SAMLRequest") ? "?SAMLRequest" : ""}${url.searchParams.has("SAMLResponse") ? "?SAMLResponse" : ""}`,
    );
  });
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bienvenue sur Pix" })).toBeVisible();
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  expect(visited).toEqual(
    expect.arrayContaining([
      `${appBaseUrl}/gar/deconnexion`,
      `${garBaseUrl}/saml/slo?SAMLRequest`,
      `${appBaseUrl}/gar/saml/logout?SAMLResponse`,
    ]),
  );
  expect(await sloStudentRows()).toEqual({ sessions: 0, logins: 0 });
  const consumed = await withDb(async (db) =>
    Number(
      (
        await db.query<{ count: string }>(
          "SELECT count(*) FROM gar_saml_requests WHERE purpose = 'LOGOUT' AND consumed_at IS NOT NULL",
        )
      ).rows[0]!.count,
    ),
  );
  expect(consumed).toBeGreaterThanOrEqual(1);
  // The IdP ended the ENT session as well: the ENT asks to sign in again.
  await page.goto(`${garBaseUrl}/ent/mediacentre`);
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  await context.close();
});
