import { readFile } from "node:fs/promises";

import { createLearner } from "../factories/learners";
import { createMember, createSchool } from "../factories/schools";
import { axeViolations, expect, signInAs, test, withDb } from "./fixtures";
import { unique } from "./pages/staff";

/** A school of its own (the offboarding must not touch the demo school), with an ADMIN, a MEMBER and a learner. */
async function arrangeSchool() {
  const id = unique();
  // A UAI of its own: the factory's sequence restarts with each test process.
  const uai = `${String(Date.now()).slice(-6)}${Math.floor(Math.random() * 10)}E`;
  const school = await createSchool({ name: `Collège du Départ ${id}`, uai });
  const admin = await createMember({ schoolId: school.id, role: "ADMIN", email: `admin-depart-${id}@example.test` });
  const member = await createMember({ schoolId: school.id, role: "MEMBER", email: `membre-depart-${id}@example.test` });
  const learner = await createLearner(school.id, {
    firstName: "Ninon",
    lastName: `DEPART${id}`.toUpperCase().replace(/[^A-Z]/g, "X"),
  });
  return { school, admin, member, learner };
}

const seriousOrCritical = async (page: Parameters<typeof axeViolations>[0]) =>
  (await axeViolations(page)).filter((violation) => violation.impact === "serious" || violation.impact === "critical");

test("an ADMIN exports every learner, then asks for the school's offboarding with a confirmation naming the school, then cancels it", async ({
  page,
  context,
}) => {
  const { school, admin, learner } = await arrangeSchool();
  await signInAs(context, { userId: admin.userId });
  await page.goto("/orga/campagnes");
  await page
    .getByRole("navigation", { name: "Navigation principale" })
    .getByRole("link", { name: "Départ de l'établissement" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Départ de l'établissement" })).toBeVisible();
  expect(await seriousOrCritical(page)).toEqual([]);

  // The export is offered first.
  const downloading = page.waitForEvent("download");
  await page
    .getByRole("link", { name: `Exporter les données de tous les élèves de ${school.name} (fichier JSON)` })
    .click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`donnees-eleves-${school.uai}.json`);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(exported.learners.map((entry: { learnerId: number }) => entry.learnerId)).toEqual([learner.id]);

  // Without the box ticked: a French message, nothing recorded.
  const submit = page.getByRole("button", { name: `Demander le départ de ${school.name}` });
  await submit.click();
  await expect(page.getByRole("checkbox")).toHaveAccessibleDescription(/Cochez la case/);
  const requestedAt = async () =>
    withDb(
      async (db) =>
        (await db.query("SELECT offboarding_requested_at FROM schools WHERE id = $1", [school.id])).rows[0]
          .offboarding_requested_at as Date | null,
    );
  expect(await requestedAt()).toBeNull();

  const checkbox = page.getByRole("checkbox", {
    name: new RegExp(`Je demande le départ de ${school.name} \\(UAI ${school.uai}\\)`),
  });
  await checkbox.check();
  await submit.click();
  await expect(page.getByRole("heading", { level: 2, name: "Départ demandé" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Ses données personnelles seront effacées le");
  expect(await requestedAt()).not.toBeNull();
  expect(await seriousOrCritical(page)).toEqual([]);

  // Every Orga page says so until the request is cancelled, with the way back to cancel it.
  await page.goto("/orga/eleves");
  const banner = page.getByRole("complementary", { name: "Départ de l'établissement demandé" });
  await expect(banner).toContainText(/seront effacées le \d{2}\/\d{2}\/\d{4}/);
  expect(await seriousOrCritical(page)).toEqual([]);
  await banner.getByRole("link", { name: "Voir ou annuler la demande" }).click();

  await page.getByRole("button", { name: `Annuler le départ de ${school.name}` }).click();
  await expect(page).toHaveURL(/\/orga\/etablissement\/depart\?annulation=faite$/);
  await expect(page.getByRole("status").filter({ hasText: "La demande de départ est annulée" })).toBeVisible();
  await expect(page.getByRole("button", { name: `Demander le départ de ${school.name}` })).toBeVisible();
  expect(await requestedAt()).toBeNull();
  await expect(page.getByTestId("offboarding-banner")).toHaveCount(0);
});

test("the Journal shows a teacher's read of the Élèves list, filters by action and date, passes axe; MEMBERs get a 404", async ({
  page,
  context,
}) => {
  const { admin, member, learner } = await arrangeSchool();
  await signInAs(context, { userId: member.userId });
  await page.goto("/orga/eleves");
  await expect(page.getByRole("row").filter({ hasText: learner.lastName })).toHaveCount(1);
  await expect(
    page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Journal" }),
  ).toHaveCount(0);
  expect((await page.goto("/orga/journal"))?.status()).toBe(404);

  await context.clearCookies();
  await signInAs(context, { userId: admin.userId });
  await page.goto("/orga/journal");
  await expect(page.getByRole("heading", { level: 1, name: "Journal" })).toBeVisible();
  const readRow = page.getByRole("row").filter({ hasText: "Consultation de la liste des élèves" });
  await expect(readRow).toHaveCount(1);
  await expect(readRow).toContainText("(membre)");
  await expect(readRow).toContainText("1 ligne lue");
  // Ids only: the learner's name appears nowhere in the Journal.
  await expect(page.getByRole("main")).not.toContainText(learner.lastName);
  expect(await seriousOrCritical(page)).toEqual([]);

  await page.getByLabel("Action").selectOption({ label: "Consultation de la liste des élèves" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/action=read\.learners/);
  await expect(page.getByRole("row").filter({ hasText: "Consultation de la liste des élèves" })).toHaveCount(1);

  await page.goto("/orga/journal?from=2020-01-01&to=2020-01-02");
  await expect(page.getByText("Aucune entrée ne correspond à ces filtres.")).toBeVisible();
  await page.goto("/orga/journal?from=hier");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Date invalide");
  expect(await seriousOrCritical(page)).toEqual([]);
});
