import { readFile } from "node:fs/promises";

import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL, axeViolations, expect, signInAs, test, withDb } from "./fixtures";
import { unique } from "./pages/staff";

/** A learner of the demo school with names no one else has. */
async function arrangeLearner() {
  const id = unique();
  const firstName = "Ysaline";
  const lastName = `EFFACEMENT${id}`.toUpperCase().replace(/[^A-Z]/g, "X");
  const ine = `${String(Date.now()).slice(-10)}Q`;
  const learnerId = await withDb(async (db) => {
    const { rows } = await db.query<{ id: number }>(
      `INSERT INTO learners (school_id, national_student_id, first_name, last_name, sex, birthdate, division, updated_at)
       SELECT id, $2, $3, $4, 'F', DATE '2012-05-17', '6E A', now() FROM schools WHERE uai = $1 AND archived_at IS NULL
       RETURNING id`,
      [DEMO_SCHOOL.uai, ine, firstName, lastName],
    );
    return rows[0]!.id;
  });
  return { learnerId, firstName, lastName, ine, name: `${firstName} ${lastName}` };
}

test("an ADMIN exports a learner's data from the Élèves page, then erases the learner", async ({ page, context }) => {
  const learner = await arrangeLearner();
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/eleves?q=${encodeURIComponent(learner.lastName)}`);
  const row = page.getByRole("row").filter({ hasText: learner.lastName });
  await expect(row).toHaveCount(1);

  const downloading = page.waitForEvent("download");
  await row.getByRole("link", { name: `Exporter les données de ${learner.name}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`donnees-eleve-${learner.learnerId}.json`);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.tables.learners).toEqual([
    expect.objectContaining({ first_name: learner.firstName, national_student_id: learner.ine }),
  ]);

  await row.getByRole("link", { name: `Effacer les données de ${learner.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Effacer les données d'un élève" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(learner.name);
  await expect(page.getByRole("main")).toContainText("17/05/2012");
  const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious).toEqual([]);

  const submit = page.getByRole("button", { name: `Effacer définitivement ${learner.name}` });
  await submit.click();
  await expect(page.getByRole("checkbox")).toHaveAccessibleDescription(/Cochez la case/);
  await page.getByRole("checkbox", { name: /Je confirme l'effacement définitif/ }).check();
  await submit.click();

  await expect(page).toHaveURL(/\/orga\/eleves\?effacement=fait$/);
  await expect(page.getByRole("status").filter({ hasText: "Les données de l'élève ont été effacées." })).toBeVisible();
  await page.goto(`/orga/eleves?q=${encodeURIComponent(learner.lastName)}`);
  await expect(page.getByRole("row").filter({ hasText: learner.lastName })).toHaveCount(0);
  const stored = await withDb(
    async (db) =>
      (
        await db.query("SELECT first_name, national_student_id, is_disabled, erased_at FROM learners WHERE id = $1", [
          learner.learnerId,
        ])
      ).rows[0],
  );
  expect(stored).toMatchObject({
    first_name: "ANONYME",
    national_student_id: `EFFACE-${learner.learnerId}`,
    is_disabled: true,
  });
  expect(stored.erased_at).not.toBeNull();
  // Gone for good: the confirmation page and the export are 404s now.
  expect((await page.goto(`/orga/eleves/${learner.learnerId}/effacement`))?.status()).toBe(404);
});

test("a MEMBER sees neither link, and both addresses are 404s for them", async ({ page, context }) => {
  const learner = await arrangeLearner();
  await signInAs(context, { email: DEMO_MEMBER.email });
  await page.goto(`/orga/eleves?q=${encodeURIComponent(learner.lastName)}`);
  const row = page.getByRole("row").filter({ hasText: learner.lastName });
  await expect(row).toHaveCount(1);
  // Only the link to the learner's page: no export, no erasure.
  await expect(row.getByRole("link")).toHaveCount(1);
  await expect(row.getByRole("link", { name: /Exporter|Effacer/ })).toHaveCount(0);
  expect((await page.goto(`/orga/eleves/${learner.learnerId}/effacement`))?.status()).toBe(404);
  expect((await page.request.get(`/orga/eleves/${learner.learnerId}/export`)).status()).toBe(404);
});

test("the privacy notice and the accessibility statement are reached from the footer of Orga and of the student app", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Données personnelles" }).click();
  await expect(page).toHaveURL(/\/confidentialite$/);
  await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Sur les élèves (transmis par l'établissement)" })).toContainText(
    "tant que l'élève est inscrit dans l'établissement, puis 3 mois après son départ",
  );
  await expect(page.getByRole("table", { name: "Sur ton compte Pix" })).toContainText(
    "12 mois après la dernière connexion",
  );
  await expect(page.getByRole("region", { name: "Le délégué à la protection des données" })).toContainText(
    "dpo@pix-orga.localhost",
  );
  const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious).toEqual([]);

  await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité : non conforme" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Voies de recours" })).toBeVisible();
  const seriousOnStatement = (await axeViolations(page)).filter(
    (v) => v.impact === "serious" || v.impact === "critical",
  );
  expect(seriousOnStatement).toEqual([]);
  await expect(page.getByText("Support de Pix Orga : support@pix-orga.localhost")).toBeVisible();

  // The legal notice shows what this deployment declares (playwright.config.ts sets all but the
  // host) and says plainly what it has not.
  await page.getByRole("contentinfo").getByRole("link", { name: "Mentions légales" }).click();
  await expect(page).toHaveURL(/\/mentions-legales$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mentions légales" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Éditeur du service" })).toContainText("GIP Pix (démonstration e2e)");
  await expect(page.getByRole("region", { name: "Directeur de la publication" })).toContainText("Camille Martin");
  await expect(page.getByRole("region", { name: "Hébergement du service et des données" })).toContainText(
    "Non renseigné par l'exploitant de ce service.",
  );
  await expect(page.getByRole("note")).toContainText("ne sont pas encore renseignées");
  const seriousOnLegal = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(seriousOnLegal).toEqual([]);

  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto("/orga/eleves");
  await page.getByRole("contentinfo").getByRole("link", { name: "Données personnelles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Données personnelles" })).toBeVisible();
});
