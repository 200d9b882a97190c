import { DEMO_ADMIN, DEMO_SCHOOL, expect, signInAs, test } from "./fixtures";
import { createStaffMember, formAlert, openLatestLinkTo, signInWithForm, unique } from "./pages/staff";

test("ten wrong passwords block the account; an ADMIN unblocks it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const email = `distrait.${id}@college-e2e.fr`;
  const password = "Le bon mot de passe";
  await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    email,
    password,
    role: "MEMBER",
    firstName: "Paul",
    lastName: `Distrait${id}`,
  });

  for (let attempt = 1; attempt <= 9; attempt += 1) {
    await signInWithForm(page, email, `mauvais ${attempt}`);
    await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await signInWithForm(page, email, "mauvais 10");
  await expect(formAlert(page)).toContainText(
    "Votre compte est temporairement bloqué après 10 tentatives de connexion infructueuses.",
  );
  await expect(formAlert(page)).toContainText("15 minutes");

  // Even the right password is refused while blocked.
  await signInWithForm(page, email, password);
  await expect(formAlert(page)).toContainText("temporairement bloqué");
  await expect(page).toHaveURL(/\/orga\/connexion/);

  const adminContext = await browser.newContext();
  await signInAs(adminContext, { email: DEMO_ADMIN.email });
  const admin = await adminContext.newPage();
  await admin.goto("/orga/equipe");
  const row = admin.getByRole("row").filter({ hasText: `Distrait${id}` });
  await expect(row.getByText("Compte bloqué")).toBeVisible();
  await row.getByRole("button", { name: `Débloquer le compte de Paul Distrait${id}` }).click();
  await expect(
    admin.getByRole("main").getByRole("status").filter({ hasText: "Le compte a été débloqué." }),
  ).toBeVisible();
  await expect(
    admin
      .getByRole("row")
      .filter({ hasText: `Distrait${id}` })
      .getByText("Compte bloqué"),
  ).toHaveCount(0);
  await adminContext.close();

  await signInWithForm(page, email, password);
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
});

test("a forgotten password is reset through the e-mailed link", async ({ page }) => {
  const id = unique();
  const email = `oublieux.${id}@college-e2e.fr`;
  await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    email,
    password: "Ancien mot de passe",
    role: "MEMBER",
    firstName: "Léa",
    lastName: `Oublieuse${id}`,
  });
  await page.goto("/orga/connexion");
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  // The sign-in page has an "Adresse e-mail" field too: wait for the navigation to finish.
  await expect(page.getByRole("heading", { name: "Mot de passe oublié" })).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si un compte Pix Orga existe pour cette adresse");

  await openLatestLinkTo(page, email);
  await page.getByLabel("Nouveau mot de passe").fill("Nouveau mot de passe sûr");
  await page.getByLabel("Confirmez le mot de passe").fill("Nouveau mot de passe sûr");
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été modifié.")).toBeVisible();

  await signInWithForm(page, email, "Ancien mot de passe");
  await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await signInWithForm(page, email, "Nouveau mot de passe sûr");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
});
