import type { Page } from "@playwright/test";

import { findFixtureStudent, type FixtureStudent } from "../gar/students";
import { appBaseUrl, axeViolations, DEMO_ADMIN, DEMO_SCHOOL, expect, signInAs, test, withDb } from "./fixtures";
import { arrangeDemoCampaign } from "./pages/student";

/**
 * Issue 9, "no student can take another's account", through the real GAR/ENT stand-in: the
 * cross-school takeover attempt on Côme MÜLLER is refused in French and Côme keeps his account;
 * a copied pending identity cannot be replayed; an ADMIN dissociates a learner matched by mistake
 * and the real student joins again.
 */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;

async function arrangeClassCampaign(division: string, title: string): Promise<string> {
  return (await arrangeDemoCampaign(title, { division })).code;
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
          await db.query<{ external_id: string; first_name: string }>(
            "SELECT external_id, first_name FROM authentication_methods WHERE user_id = $1 AND provider = 'GAR'",
            [learner.user_id],
          )
        ).rows
      : [];
    const names = learner?.user_id
      ? (
          await db.query<{ first_name: string; last_name: string }>(
            "SELECT first_name, last_name FROM users WHERE id = $1",
            [learner.user_id],
          )
        ).rows[0]
      : undefined;
    const participations = learner?.user_id
      ? Number(
          (
            await db.query<{ count: string }>(
              "SELECT count(*) FROM participations WHERE user_id = $1 AND deleted_at IS NULL",
              [learner.user_id],
            )
          ).rows[0]!.count,
        )
      : 0;
    return {
      userId: learner?.user_id ?? null,
      garIds: methods.map((method) => method.external_id),
      names,
      participations,
    };
  });
}

async function leaveEnt(page: Page) {
  await page.goto(`${garBaseUrl}/ent`);
  if (page.url().endsWith("/ent/mediacentre"))
    await page.getByRole("button", { name: "Se déconnecter de l'ENT" }).click();
  await expect(page.getByRole("heading", { name: "Connexion à l'ENT" })).toBeVisible();
}

/** ENT démo sign-in as a fixture student, médiacentre, then the Pix tile. */
async function openPixAs(page: Page, student: FixtureStudent) {
  await leaveEnt(page);
  await page.locator(`button[name="key"][value="${student.key}"]`).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
  await page.getByRole("link", { name: /^Pix/ }).click();
}

/** ENT démo sign-in with a typed identity (the stand-in's free form). */
async function openPixAsTyped(page: Page, identity: { firstName: string; lastName: string; uai: string; ido: string }) {
  await leaveEnt(page);
  await page.getByLabel("Prénom (PRE)").fill(identity.firstName);
  await page.getByLabel("Nom (NOM)").fill(identity.lastName);
  await page.getByLabel("UAI").fill(identity.uai);
  await page.getByLabel(/^IDO/).fill(identity.ido);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
  await page.getByRole("link", { name: /^Pix/ }).click();
}

async function typeCode(page: Page, code: string) {
  await expect(page.getByRole("heading", { name: "Rejoindre un parcours" })).toBeVisible();
  await page.getByLabel("Code du parcours").fill(code);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
}

async function typeBirthdate(page: Page, isoDate: string) {
  const [year, month, day] = isoDate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  await page.getByRole("button", { name: "C'est parti !" }).click();
}

async function acceptTermsIfAsked(page: Page) {
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
}

function alertOf(page: Page) {
  return page.locator('main [role="alert"]');
}

async function signOutOfPix(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { name: "Bienvenue sur Pix" })).toBeVisible();
}

test("an ENT identity of another school cannot take Côme MÜLLER's account; Côme still signs in to his own", async ({
  page,
}) => {
  const code = await arrangeClassCampaign("6E B", "Parcours de la 6E B");
  const come = findFixtureStudent("come-muller");
  const attacker = findFixtureStudent("come-mullar-autre-college");

  // Côme joins Pix.
  await openPixAs(page, come);
  await typeCode(page, code);
  await typeBirthdate(page, come.birthdate);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  // His participation starts at *Commencer* (his parcours is then listed under Mes parcours).
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);
  const before = await accountOf(come);
  expect(before.garIds).toEqual([come.ido]);
  await signOutOfPix(page);

  // The attacker of another school (UAI 0999002X) types the 6E B code: refused at the code step.
  await openPixAs(page, attacker);
  await typeCode(page, code);
  await expect(alertOf(page)).toContainText(
    "Ce code correspond à un parcours d'un autre établissement. Vérifiez-le auprès de votre enseignant.",
  );
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  expect(await axeViolations(page)).toEqual([]);

  // Straight to the birth-date page by its address: the same refusal, no campaign shown, no form.
  await page.goto(`/rejoindre/${code}`);
  await expect(alertOf(page)).toContainText("Ce code correspond à un parcours d'un autre établissement.");
  await expect(page.getByText("Parcours de la 6E B")).toHaveCount(0);
  await expect(page.getByLabel("Jour")).toHaveCount(0);
  // And through the campaign's direct link.
  await page.goto(`/campagnes/${code}`);
  await expect(page.getByRole("heading", { name: "Parcours d'un autre établissement" })).toBeVisible();
  await expect(page.getByText("CAMPAIGN_OTHER_SCHOOL")).toBeVisible();

  expect(await accountOf(come)).toEqual(before);

  // The real Côme signs in through his ENT: his own account, his parcours, his names.
  await openPixAs(page, come);
  await expect(page).toHaveURL(`${appBaseUrl}/`);
  await expect(page.getByRole("heading", { name: "Mes parcours" })).toBeVisible();
  await expect(page.getByText("Bonjour Côme")).toBeVisible();
  await expect(page.getByRole("link", { name: /Reprendre/ })).toHaveCount(1);
  expect(await accountOf(come)).toEqual(before);
});

test("a copied pending identity cannot be replayed after the reconciliation it was used for", async ({
  page,
  browser,
}) => {
  const code = await arrangeClassCampaign("6E A", "Parcours de la 6E A");
  const lola = findFixtureStudent("lola-oehler");

  await openPixAs(page, lola);
  await typeCode(page, code);
  const copied = (await page.context().cookies(appBaseUrl)).find((cookie) => cookie.name === "pix_gar_pending")!;
  expect(copied).toBeDefined();
  await typeBirthdate(page, lola.birthdate);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const account = await accountOf(lola);

  // Another browser with the copied cookie, within the hour.
  const other = await browser.newContext({ baseURL: appBaseUrl });
  await other.addCookies([copied]);
  const thief = await other.newPage();
  await thief.goto(`/rejoindre/${code}`);
  await expect(thief).toHaveURL(`${appBaseUrl}/gar/erreur/GAR_PENDING_IDENTITY_EXPIRED`);
  await expect(thief.getByRole("heading", { name: "Votre connexion a expiré" })).toBeVisible();
  await other.close();
  expect(await accountOf(lola)).toEqual(account);
});

test("an ADMIN dissociates a learner matched by mistake (tolerant pass), and the real student joins again with his own account", async ({
  page,
  browser,
}) => {
  const code = await arrangeClassCampaign("5E A", "Parcours de la 5E A");
  const nathan = findFixtureStudent("nathan-moreau");

  // Someone else of the school, with a close name and Nathan's birth date, is matched to his learner.
  await openPixAsTyped(page, {
    firstName: `${nathan.firstName.slice(0, -1)}`,
    lastName: nathan.lastName,
    uai: DEMO_SCHOOL.uai,
    ido: "ido-e2e-homonyme",
  });
  await typeCode(page, code);
  await typeBirthdate(page, nathan.birthdate);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const wrong = await accountOf(nathan);
  expect(wrong.garIds).toEqual(["ido-e2e-homonyme"]);
  await signOutOfPix(page);

  // A second close-named identity is refused in French (a fuzzy match never re-points an account).
  await openPixAsTyped(page, {
    firstName: "Natan",
    lastName: nathan.lastName,
    uai: DEMO_SCHOOL.uai,
    ido: "ido-e2e-second",
  });
  await typeCode(page, code);
  await typeBirthdate(page, nathan.birthdate);
  await expect(alertOf(page)).toContainText(
    "Ce parcours est déjà associé à un autre compte : demandez à votre professeur.",
  );
  expect(await accountOf(nathan)).toEqual(wrong);

  // The ADMIN sees the refusal and dissociates the learner from the Élèves page.
  const staff = await browser.newContext({ baseURL: appBaseUrl });
  await signInAs(staff, { email: DEMO_ADMIN.email });
  const admin = await staff.newPage();
  await admin.goto("/orga/eleves");
  await admin.getByRole("link", { name: "Remplacements d'identifiant ENT (30 derniers jours)" }).click();
  await expect(admin.getByRole("heading", { name: "Remplacements d'identifiant ENT" })).toBeVisible();
  const refusal = admin
    .getByRole("row")
    .filter({ hasText: `${nathan.siecle!.preferredLastName ?? nathan.siecle!.lastName} ${nathan.siecle!.firstName}` })
    .first();
  await expect(refusal).toContainText("Refusé");
  await expect(refusal).toContainText("Nom ou prénom différent de la base élèves");
  expect(await axeViolations(admin)).toEqual([]);

  await admin.goto(`/orga/eleves?q=${encodeURIComponent(nathan.siecle!.lastName)}`);
  const name = `${nathan.siecle!.firstName} ${nathan.siecle!.preferredLastName ?? nathan.siecle!.lastName}`;
  await admin.getByText(`Dissocier : ${name}`).click();
  await expect(admin.getByText(`Dissocier le compte Pix de ${name} ?`)).toBeVisible();
  expect(await axeViolations(admin)).toEqual([]);
  await admin.getByRole("button", { name: `Confirmer : dissocier le compte de ${name}` }).click();
  await expect(admin.getByText(`Le compte de ${name} est dissocié.`)).toBeVisible();
  await staff.close();
  expect((await accountOf(nathan)).userId).toBeNull();

  // The real Nathan joins through his ENT: his own new account, his own participation.
  await openPixAs(page, nathan);
  await typeCode(page, code);
  await typeBirthdate(page, nathan.birthdate);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  const real = await accountOf(nathan);
  expect(real.garIds).toEqual([nathan.ido]);
  expect(real.userId).not.toBe(wrong.userId);
  // Nothing starts before *Commencer*; Nathan (6E B) is warned first that this is the 5E A's code.
  expect(real.participations).toBe(0);
  await page.getByRole("link", { name: "Continuer quand même" }).click();
  await page.getByRole("button", { name: "Commencer" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);
  expect((await accountOf(nathan)).participations).toBe(1);
  // The wrong account keeps its GAR method (and its work), linked to no learner any more.
  expect(
    await withDb(
      async (db) =>
        (await db.query("SELECT 1 FROM authentication_methods WHERE user_id = $1", [wrong.userId])).rowCount,
    ),
  ).toBe(1);
});

test("dissociation works without JavaScript", async ({ browser }) => {
  const code = await arrangeClassCampaign("4E A", "Parcours de la 4E A");
  const zoe = findFixtureStudent("zoe-nguyen");
  const student = await browser.newContext({ baseURL: appBaseUrl });
  const page = await student.newPage();
  await openPixAs(page, zoe);
  await typeCode(page, code);
  await typeBirthdate(page, zoe.birthdate);
  await acceptTermsIfAsked(page);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  await student.close();
  expect((await accountOf(zoe)).userId).not.toBeNull();

  const staff = await browser.newContext({ baseURL: appBaseUrl, javaScriptEnabled: false });
  await signInAs(staff, { email: DEMO_ADMIN.email });
  const admin = await staff.newPage();
  await admin.goto(`/orga/eleves?q=${encodeURIComponent(zoe.siecle!.lastName)}`);
  const name = `${zoe.siecle!.firstName} ${zoe.siecle!.preferredLastName ?? zoe.siecle!.lastName}`;
  await admin.getByText(`Dissocier : ${name}`).click();
  await admin.getByRole("button", { name: `Confirmer : dissocier le compte de ${name}` }).click();
  await expect(admin.getByText(`Le compte de ${name} est dissocié.`)).toBeVisible();
  await staff.close();
  expect((await accountOf(zoe)).userId).toBeNull();
});
