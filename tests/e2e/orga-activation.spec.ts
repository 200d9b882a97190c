import { createSchool } from "../factories/schools";
import { OUTBOX_ACCESS_KEY } from "./constants";
import { expect, test, withDb } from "./fixtures";
import { formAlert, openLatestLinkTo, unique } from "./pages/staff";

test("a head of school activates the school's space by its UAI, through the e-mailed link", async ({ page }) => {
  const id = unique();
  const digits = String(Date.now()).slice(-7);
  const uai = `${digits}K`;
  const officialEmail = `ce.${digits}k@ac-e2e.fr`;
  const schoolName = `Collège Activation ${id}`;
  await createSchool({ name: schoolName, uai, officialEmail });

  await page.goto("/orga/connexion");
  await page.getByRole("link", { name: /Activez son espace/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Activer l'espace de votre établissement" })).toBeVisible();

  // An unknown UAI gets a clear French message tied to nothing being sent.
  await page.getByLabel("UAI de l'établissement").fill("0000001A");
  await page.getByRole("button", { name: "Recevoir l'invitation" }).click();
  await expect(formAlert(page)).toContainText("Aucun établissement ne correspond à l'UAI 0000001A.");

  // People type it in lower case, with spaces.
  await page.getByLabel("UAI de l'établissement").fill(`${digits.slice(0, 3)} ${digits.slice(3)}k`);
  await page.getByRole("button", { name: "Recevoir l'invitation" }).click();
  await expect(page.getByRole("status")).toContainText(
    "Un e-mail d'invitation a été envoyé à l'adresse officielle de l'établissement (c••••@ac-e2e.fr).",
  );
  await expect(page.getByText(officialEmail)).toHaveCount(0);

  await openLatestLinkTo(page, officialEmail);
  await expect(page.getByRole("heading", { level: 1, name: `Rejoindre ${schoolName} sur Pix Orga` })).toBeVisible();
  await expect(page.getByText("avec le rôle « Administrateur »")).toBeVisible();

  // The invitation is bound to the official address: the account is created with it.
  await expect(page.getByText(`Cette invitation a été envoyée à ${officialEmail}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "J'ai déjà un compte Pix Orga" })).toHaveCount(0);
  const create = page.getByRole("region", { name: "Je n'ai pas de compte Pix Orga" });
  const email = create.getByLabel("Adresse e-mail");
  await expect(email).toHaveValue(officialEmail);
  await expect(email).toHaveAttribute("readonly", "");
  await expect(email).toHaveAccessibleDescription(
    "Votre compte sera créé avec l'adresse à laquelle l'invitation a été envoyée.",
  );
  await create.getByLabel("Prénom").fill("Hélène");
  await create.getByLabel("Nom", { exact: true }).fill("Principale");
  await create.getByLabel("Mot de passe", { exact: true }).fill("court");
  await create.getByLabel("Confirmez le mot de passe").fill("court");
  await create.getByRole("button", { name: "Créer mon compte et rejoindre l'établissement" }).click();
  // The error is next to the field and tied to it.
  const password = create.getByLabel("Mot de passe", { exact: true });
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/12 caractères au moins/);

  await password.fill("Un mot de passe solide");
  await create.getByLabel("Confirmez le mot de passe").fill("Un mot de passe solide");
  await create.getByRole("button", { name: "Créer mon compte et rejoindre l'établissement" }).click();

  await expect(page).toHaveURL(/\/orga\/cgu$/);
  await page.getByRole("button", { name: "Accepter et continuer" }).click();
  await expect(
    page.getByText("Cochez la case pour accepter les conditions générales d'utilisation.").first(),
  ).toBeVisible();
  await page.getByLabel("J'ai lu et j'accepte les conditions générales d'utilisation de Pix Orga").check();
  await page.getByRole("button", { name: "Accepter et continuer" }).click();

  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(page.getByRole("banner").getByText(schoolName)).toBeVisible();
  await page.getByRole("link", { name: "Équipe" }).click();
  const row = page.getByRole("row").filter({ hasText: "Principale" });
  await expect(row.getByRole("combobox")).toHaveValue("ADMIN");

  // The link worked once.
  await openLatestLinkTo(page, officialEmail);
  await expect(page.getByText("Cette invitation n'est plus valable")).toBeVisible();

  // Asking again, now that the school has an ADMIN, is refused and sends nothing.
  await page.context().clearCookies();
  await page.goto("/orga/activation");
  await page.getByLabel("UAI de l'établissement").fill(uai);
  await page.getByRole("button", { name: "Recevoir l'invitation" }).click();
  await expect(formAlert(page)).toContainText("Cet espace est déjà activé.");
  await page.goto(`/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`);
  await expect(
    page.locator("article").filter({ has: page.getByTestId("outbox-to").getByText(officialEmail, { exact: true }) }),
  ).toHaveCount(1);
});
