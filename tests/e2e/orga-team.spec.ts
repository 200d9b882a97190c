import { createSchool } from "../factories/schools";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL, expect, signInAs, test, withDb } from "./fixtures";
import { createStaffMember, formAlert, openLatestLinkTo, signInWithForm, unique } from "./pages/staff";

test("an ADMIN invites colleagues; one joins and signs in, and sees the team read-only", async ({
  page,
  context,
  browser,
}) => {
  const id = unique();
  const newcomer = `nouveau.prof.${id}@college-e2e.fr`;
  const other = `autre.${id}@college-e2e.fr`;

  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto("/orga/equipe");
  await expect(page.getByRole("heading", { level: 1, name: "Équipe" })).toBeVisible();
  await page.getByLabel("Adresses e-mail").fill(`${newcomer}; pas-une-adresse`);
  await page.getByRole("button", { name: "Envoyer les invitations" }).click();
  await expect(page.getByLabel("Adresses e-mail")).toHaveAccessibleDescription(/pas-une-adresse/);

  await page.getByLabel("Adresses e-mail").fill(`${newcomer}, ${other}\n${DEMO_ADMIN.email}`);
  await page.getByRole("button", { name: "Envoyer les invitations" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 invitations ont été envoyées." })).toBeVisible();
  const invitations = page.getByRole("region", { name: /Invitations en attente/ });
  await expect(invitations.getByRole("row").filter({ hasText: newcomer })).toBeVisible();

  await invitations.getByRole("button", { name: `Annuler l'invitation : ${other}` }).click();
  await expect(page.getByText("L'invitation a été annulée.")).toBeVisible();
  await expect(invitations.getByRole("row").filter({ hasText: other })).toHaveCount(0);

  // A colleague signed in with another account cannot take the invitation: they are told whose
  // it is and may sign out, which brings them back to the link.
  const colleagueContext = await browser.newContext();
  await signInAs(colleagueContext, { email: DEMO_MEMBER.email });
  const colleaguePage = await colleagueContext.newPage();
  await openLatestLinkTo(colleaguePage, newcomer);
  await expect(formAlert(colleaguePage)).toContainText(`Cette invitation a été envoyée à ${newcomer}.`);
  await expect(colleaguePage.getByRole("button", { name: "Rejoindre l'établissement" })).toHaveCount(0);
  const invitationUrl = colleaguePage.url();
  await colleaguePage.getByRole("main").getByRole("button", { name: "Se déconnecter" }).click();
  await expect(colleaguePage).toHaveURL(invitationUrl);
  await expect(colleaguePage.getByRole("region", { name: "Je n'ai pas de compte Pix Orga" })).toBeVisible();
  await colleagueContext.close();

  // The newcomer, in their own browser, follows the e-mailed link.
  const newcomerContext = await browser.newContext();
  const newcomerPage = await newcomerContext.newPage();
  await openLatestLinkTo(newcomerPage, newcomer);
  await expect(
    newcomerPage.getByRole("heading", { level: 1, name: `Rejoindre ${DEMO_SCHOOL.name} sur Pix Orga` }),
  ).toBeVisible();
  const create = newcomerPage.getByRole("region", { name: "Je n'ai pas de compte Pix Orga" });
  await expect(create.getByLabel("Adresse e-mail")).toHaveValue(newcomer);
  await create.getByLabel("Prénom").fill("Nadia");
  await create.getByLabel("Nom", { exact: true }).fill(`Professeure${id}`);
  await create.getByLabel("Mot de passe", { exact: true }).fill("Mot de passe de Nadia");
  await create.getByLabel("Confirmez le mot de passe").fill("Mot de passe de Nadia");
  await create.getByRole("button", { name: "Créer mon compte et rejoindre l'établissement" }).click();
  await newcomerPage.getByLabel(/J'ai lu et j'accepte/).check();
  await newcomerPage.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(newcomerPage.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();

  // Signs out, then back in with the sign-in form.
  await newcomerPage.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(newcomerPage).toHaveURL(/\/orga\/connexion/);
  await signInWithForm(newcomerPage, newcomer.toUpperCase(), "Mot de passe de Nadia");
  await expect(newcomerPage.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await newcomerPage.getByRole("link", { name: "Équipe" }).click();
  await expect(newcomerPage.getByText("Seuls les administrateurs de l'établissement peuvent inviter")).toBeVisible();
  await expect(newcomerPage.getByRole("button", { name: "Envoyer les invitations" })).toHaveCount(0);
  await expect(newcomerPage.getByRole("combobox")).toHaveCount(0);
  await newcomerContext.close();

  // The ADMIN sees the new member and can make them ADMIN.
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: `Professeure${id}` });
  await row.getByRole("combobox").selectOption("ADMIN");
  await row.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(row.getByText("Le rôle a été modifié.")).toBeVisible();
});

test("the last ADMIN cannot demote themselves", async ({ page, context }) => {
  const id = unique();
  // A school of its own, so other journeys' ADMINs do not count.
  const digits = String(Date.now()).slice(-7);
  await createSchool({ name: `Lycée ${id}`, uai: `${digits}L`, officialEmail: `ce.${digits}l@ac-e2e.fr` });

  const email = `seule.admin.${id}@college-e2e.fr`;
  await createStaffMember({
    schoolUai: `${digits}L`,
    email,
    password: "Mot de passe solide 1",
    role: "ADMIN",
    firstName: "Seule",
    lastName: `Admin${id}`,
  });
  await signInAs(context, { email });
  await page.goto("/orga/equipe");
  const row = page.getByRole("row").filter({ hasText: `Admin${id}` });
  await row.getByRole("combobox").selectOption("MEMBER");
  await row.getByRole("button", { name: /Enregistrer/ }).click();
  await expect(row.getByText("L'établissement doit garder au moins un administrateur")).toBeVisible();
  await page.reload();
  await expect(
    page
      .getByRole("row")
      .filter({ hasText: `Admin${id}` })
      .getByRole("combobox"),
  ).toHaveValue("ADMIN");
});
