import type { Page } from "@playwright/test";

import { prisma } from "../../src/lib/db";
import { findFixtureStudent, type FixtureStudent } from "../gar/students";
import { appBaseUrl, axeViolations, DEMO_SCHOOL, expect, test, withDb } from "./fixtures";
import { arrangeDemoCampaign } from "./pages/student";

/**
 * The student journey through the real GAR/ENT stand-in (tests/gar, started by
 * playwright.config.ts): ENT démo → médiacentre → Pix → code → birth date → campaign started,
 * and the outcomes around it. Each test uses its own fixture students.
 */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;

async function arrangeCampaign(title = "Parcours de rentrée"): Promise<string> {
  return (await arrangeDemoCampaign(title)).code;
}

async function accountOf(student: FixtureStudent) {
  return withDb(async (db) => {
    const learner = (
      await db.query<{ user_id: number | null }>(
        "SELECT l.user_id FROM learners l JOIN schools s ON s.id = l.school_id WHERE s.uai = $1 AND l.national_student_id = $2",
        [DEMO_SCHOOL.uai, student.siecle!.nationalStudentId],
      )
    ).rows[0];
    const methods = learner?.user_id
      ? (
          await db.query<{ external_id: string }>(
            "SELECT external_id FROM authentication_methods WHERE user_id = $1 AND provider = 'GAR'",
            [learner.user_id],
          )
        ).rows
      : [];
    return { userId: learner?.user_id ?? null, garIds: methods.map((method) => method.external_id) };
  });
}

/** ENT démo sign-in (the stand-in's page), then the médiacentre. */
async function signInToEnt(page: Page, student: FixtureStudent) {
  await page.goto(`${garBaseUrl}/ent`);
  if (page.url().endsWith("/ent/mediacentre")) {
    await page.getByRole("button", { name: "Se déconnecter de l'ENT" }).click();
  }
  await page.locator(`button[name="key"][value="${student.key}"]`).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
}

async function openPixFromMediacentre(page: Page) {
  await page.getByRole("link", { name: /^Pix/ }).click();
}

async function typeCode(page: Page, code: string) {
  await expect(page.getByRole("heading", { name: "Rejoindre un parcours" })).toBeVisible();
  // Typed as a student would: lower case, with spaces.
  await page
    .getByLabel("Code du parcours")
    .fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3, 6)} ${code.slice(6)}`);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
}

async function typeBirthdate(page: Page, isoDate: string) {
  const [year, month, day] = isoDate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();
}

async function acceptTerms(page: Page) {
  await expect(page.getByRole("heading", { name: "Conditions d'utilisation de Pix" })).toBeVisible();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
}

/** The page's own message (Next's route announcer is an empty role="alert" too). */
function alertOf(page: Page) {
  return page.locator('main [role="alert"]');
}

async function countThrottleEvents(): Promise<number> {
  return withDb(async (db) =>
    Number(
      (await db.query<{ count: string }>("SELECT count(*) FROM throttle_events WHERE bucket LIKE 'gar-birthdate:%'"))
        .rows[0]!.count,
    ),
  );
}

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

async function sessionToken(page: Page): Promise<string | undefined> {
  return (await page.context().cookies(appBaseUrl)).find((cookie) => cookie.name === "pix_session")?.value;
}

async function signOutOfPix(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { name: "Bienvenue sur Pix" })).toBeVisible();
}

test("a new student goes ENT → médiacentre → Pix → code → birth date → campaign, signs out, comes back with no code and resumes", async ({
  page,
}) => {
  const code = await arrangeCampaign();
  const ines = findFixtureStudent("ines-berthelot");

  await signInToEnt(page, ines);
  await openPixFromMediacentre(page);
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  await expectAccessible(page);
  await typeCode(page, code);

  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre/${code}`);
  await expect(page.getByText("Bonjour Inès BERTHELOT")).toBeVisible();
  await expect(page.getByText("Ce n'est pas vous ? Reconnectez-vous depuis votre ENT.")).toBeVisible();
  await expect(page.getByLabel("Jour")).toHaveAttribute("autocomplete", "bday-day");
  await expectAccessible(page);
  // Typed in one go, the date fills the three fields (the cursor moves on by itself)…
  const [year, month, day] = ines.birthdate.split("-");
  await page.getByLabel("Jour").click();
  await page.keyboard.type(`${day}${month}${year}`);
  await expect(page.getByLabel("Jour")).toHaveValue(day!);
  await expect(page.getByLabel("Mois")).toHaveValue(month!);
  await expect(page.getByLabel("Année")).toHaveValue(year!);
  await expect(page.getByLabel("Année")).toBeFocused();
  // …and so does a whole date pasted into the first field.
  for (const label of ["Jour", "Mois", "Année"]) await page.getByLabel(label).fill("");
  await page.getByLabel("Jour").evaluate((element, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `${day}/${month}/${year}`);
  await expect(page.getByLabel("Jour")).toHaveValue(day!);
  await expect(page.getByLabel("Mois")).toHaveValue(month!);
  await expect(page.getByLabel("Année")).toHaveValue(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();

  await expect(page.getByRole("heading", { name: "Conditions d'utilisation de Pix" })).toBeVisible();
  await expectAccessible(page);
  await acceptTerms(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const account = await accountOf(ines);
  expect(account.userId).not.toBeNull();
  expect(account.garIds).toEqual([ines.ido]);
  // The participation starts at *Commencer*, not at the code or the birth date.
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);

  await signOutOfPix(page);

  // Back through the ENT: no code, no birth date, straight to "Mes parcours".
  await page.goto(`${garBaseUrl}/ent/mediacentre`);
  await openPixFromMediacentre(page);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  await expect(page.getByRole("heading", { name: "Mes parcours" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /En cours/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Rejoindre un autre parcours" })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /Reprendre/ })
    .first()
    .click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  expect((await accountOf(ines)).userId).toBe(account.userId);

  // Another campaign's direct link: the start page, and nothing starts until *Commencer* is pressed.
  const second = await arrangeCampaign("Deuxième parcours");
  const participationsIn = (campaignCode: string) =>
    withDb(async (db) =>
      Number(
        (
          await db.query<{ count: string }>(
            "SELECT count(*) FROM participations p JOIN campaigns c ON c.id = p.campaign_id WHERE c.code = $1",
            [campaignCode],
          )
        ).rows[0]!.count,
      ),
    );
  await page.goto(`/campagnes/${second}`);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${second}/demarrer`);
  await page.reload();
  expect(await participationsIn(second)).toBe(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${second}/question`);
  expect(await participationsIn(second)).toBe(1);

  // Signing in again (already signed in) rotates the session: the old token is dead.
  const oldToken = await sessionToken(page);
  await page.goto("/gar/connexion");
  await expect(page.getByRole("heading", { name: "Mes parcours" })).toBeVisible();
  const newToken = await sessionToken(page);
  expect(newToken).toBeDefined();
  expect(newToken).not.toBe(oldToken);
  await page
    .context()
    .addCookies([{ name: "pix_session", value: oldToken!, url: appBaseUrl, httpOnly: true, sameSite: "Lax" }]);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Bienvenue sur Pix" })).toBeVisible();
});

test("a wrong birth date, then the right one; names written differently in the ENT still match", async ({ page }) => {
  const code = await arrangeCampaign();
  const maelys = findFixtureStudent("maelys-da-silva");

  await signInToEnt(page, maelys);
  await openPixFromMediacentre(page);
  await typeCode(page, code);
  await expect(page.getByText("Bonjour Maelys DA SILVA")).toBeVisible();

  await typeBirthdate(page, "2010-11-16");
  await expect(alertOf(page)).toContainText(
    "Nous ne trouvons pas d'élève avec ces informations dans votre établissement. Vérifiez votre date de naissance ou adressez-vous à votre enseignant.",
  );
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre/${code}`);

  await typeBirthdate(page, maelys.birthdate);
  await acceptTerms(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  expect((await accountOf(maelys)).garIds).toEqual([maelys.ido]);
});

test("repeated wrong birth dates are throttled with a French message", async ({ page }) => {
  const code = await arrangeCampaign();
  const chloe = findFixtureStudent("chloe-bonnet");

  await signInToEnt(page, chloe);
  await openPixFromMediacentre(page);
  await typeCode(page, code);
  const before = await countThrottleEvents();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await typeBirthdate(page, `2011-01-0${attempt}`);
    await expect(alertOf(page)).toContainText("Nous ne trouvons pas d'élève");
    // One event per identity and one per campaign and address for each wrong date.
    await expect.poll(countThrottleEvents).toBe(before + attempt * 2);
  }
  // Even the right date is refused now.
  await typeBirthdate(page, chloe.birthdate);
  await expect(alertOf(page)).toContainText(
    "Trop d'essais. Demandez à votre professeur de vous débloquer, ou réessayez dans 15 minutes.",
  );
  expect((await accountOf(chloe)).userId).toBeNull();
});

test("a student who was not assigned the Pix resource is refused", async ({ page }) => {
  const eloise = findFixtureStudent("eloise-petit");
  await signInToEnt(page, eloise);
  await expect(page.getByRole("link", { name: /^Pix/ })).toHaveCount(0);
  await expect(page.getByText("La ressource Pix ne vous est pas affectée")).toBeVisible();

  // Even by typing the app's address: the GAR refuses, the app explains.
  await page.goto("/gar/connexion");
  await expect(page).toHaveURL(`${appBaseUrl}/gar/erreur/GAR_ACCESS_DENIED`);
  await expect(page.getByRole("heading", { name: "Pix ne vous est pas attribué" })).toBeVisible();
  await expect(alertOf(page)).toContainText("responsable des affectations");
});

test("a student whose IDO changed lands in the same account", async ({ page }) => {
  const code = await arrangeCampaign();
  const before = findFixtureStudent("camille-da-silva");
  const after = findFixtureStudent("camille-da-silva-nouvel-ido");

  await signInToEnt(page, before);
  await openPixFromMediacentre(page);
  await typeCode(page, code);
  await typeBirthdate(page, before.birthdate);
  await acceptTerms(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const first = await accountOf(before);
  await signOutOfPix(page);

  // A new ENT account, hence a new IDO: unknown to Pix, so code and birth date again…
  await signInToEnt(page, after);
  await openPixFromMediacentre(page);
  await typeCode(page, code);
  await typeBirthdate(page, after.birthdate);
  // …but the same account (terms already accepted), its GAR method re-pointed.
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const second = await accountOf(after);
  expect(second.userId).toBe(first.userId);
  expect(second.garIds).toEqual([after.ido]);
});

test("a campaign's direct link goes through the GAR and straight to the birth date", async ({ page }) => {
  const code = await arrangeCampaign();
  const timeo = findFixtureStudent("timeo-laurent");

  await page.goto(`/campagnes/${code}`);
  // No ENT session yet: the stand-in shows its ENT sign-in, then comes back.
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
  await page.locator(`button[name="key"][value="${timeo.key}"]`).click();
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre/${code}`);
  await expect(page.getByText("Bonjour Mohamed LAURENT")).toBeVisible();
  await typeBirthdate(page, timeo.birthdate);
  await acceptTerms(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
});

test("outcome pages: unknown code, archived campaign, absent from the import, expired identity", async ({
  page,
  context,
}) => {
  const code = await arrangeCampaign();
  const archived = await arrangeCampaign("Parcours archivé");
  await prisma.campaign.update({ where: { code: archived }, data: { archivedAt: new Date() } });
  const jules = findFixtureStudent("jules-faure");

  await signInToEnt(page, jules);
  await openPixFromMediacentre(page);
  await page.getByLabel("Code du parcours").fill("ZZZZZZ999");
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(alertOf(page)).toContainText(
    "Ce code ne correspond à aucun parcours. Vérifiez-le auprès de votre enseignant.",
  );
  await page.getByLabel("Code du parcours").fill(archived);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  await expect(alertOf(page)).toContainText("Ce parcours est terminé (archivé).");

  await page.getByLabel("Code du parcours").fill(code);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
  await typeBirthdate(page, jules.birthdate);
  await expect(alertOf(page)).toContainText("Nous ne trouvons pas d'élève");

  // A tampered pending identity is refused: back to the médiacentre.
  const cookies = await context.cookies(appBaseUrl);
  const pending = cookies.find((cookie) => cookie.name === "pix_gar_pending")!;
  const flipped = pending.value.endsWith("A") ? "B" : "A";
  await context.addCookies([{ ...pending, value: `${pending.value.slice(0, -1)}${flipped}` }]);
  await page.goto(`/rejoindre/${code}`);
  await expect(page).toHaveURL(`${appBaseUrl}/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED`);
  await expect(page.getByRole("heading", { name: "Votre connexion a expiré" })).toBeVisible();
});
