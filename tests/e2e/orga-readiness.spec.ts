import type { Page } from "@playwright/test";

import { createMember, createSchool, createStaffUser } from "../factories/schools";
import { appBaseUrl, axeViolations, expect, signInAs, test, withDb } from "./fixtures";

/**
 * The school's path to its first campaign, checked by the product (issue 16): an ADMIN of a new
 * school sees the Orga home's checklist go from red to green — SIECLE import, the GAR subscription
 * (through the subscription web service stand-in, over mutual TLS), the campaigns, a first student
 * arriving through the GAR — then the newcomers of a second import under *Affectation*; the
 * rentrée banner with a fake date (the dev clock cookie), gone after the import.
 */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;
const digits = String(Date.now()).slice(-5);
const UAI = `09${digits}R`;
const PARCOURS = /Cycle 4 — 5e\/4e/;
const HEADER =
  "Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;Code sexe*;" +
  "Date de naissance (jj/mm/aaaa)*;Code commune naissance**;Libellé commune naissance**;Code département naissance*;" +
  "Code pays naissance*;Statut*;Code MEF*;Division*";
const line = (ine: string, first: string, last: string, birth: string, division: string) =>
  `${ine};${first};;;${last};;F;${birth};35238;;035;99100;ST;10310019110;${division}`;
const LUCIE = { ine: `${digits}00001A`, first: "Lucie", last: `ARNAUD${digits}`, birth: "14/03/2012" };
const FIRST_BASE = [HEADER, line(LUCIE.ine, LUCIE.first, LUCIE.last, LUCIE.birth, "5E A")].join("\r\n");
const SECOND_BASE = [
  HEADER,
  line(LUCIE.ine, LUCIE.first, LUCIE.last, LUCIE.birth, "5E A"),
  line(`${digits}00002B`, "Nathan", `BERGER${digits}`, "02/05/2012", "5E A"),
  line(`${digits}00003C`, "Inès", `CHAUVIN${digits}`, "19/11/2012", "5E B"),
].join("\r\n");

let adminId = 0;
let schoolId = 0;

test.beforeAll(async () => {
  schoolId = (await createSchool({ name: "Collège de la rentrée (e2e)", uai: UAI, officialEmail: null })).id;
  const admin = await createStaffUser({
    email: `admin.${UAI.toLowerCase()}@e2e.test`,
    firstName: "Claire",
    lastName: "Durand",
  });
  adminId = admin.id;
  await createMember({ schoolId, role: "ADMIN", userId: adminId });
});

function lineOf(page: Page, id: string) {
  return page.getByTestId(`checklist-${id}`);
}

async function importCsv(page: Page, csv: string) {
  await page.goto("/orga/eleves/import");
  await page
    .getByLabel("Fichier à importer")
    .setInputFiles({ name: "eleves.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  await page.getByTestId("import-preview").getByRole("button", { name: "Confirmer l'import" }).click();
  await expect(page.getByTestId("import-done")).toBeVisible();
}

/** The typed ENT identity of Lucie, a pupil of this school, then the médiacentre. */
async function signInToEntAsLucie(page: Page) {
  await page.goto(`${garBaseUrl}/ent`);
  if (page.url().endsWith("/ent/mediacentre"))
    await page.getByRole("button", { name: "Se déconnecter de l'ENT" }).click();
  await page.getByLabel("Prénom (PRE)").fill(LUCIE.first);
  await page.getByLabel("Nom (NOM)").fill(LUCIE.last);
  await page.getByLabel("UAI").fill(UAI);
  await page.getByLabel(/^IDO/).fill(`ido-lucie-${digits}`);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
}

test("the checklist goes from red to green: import, GAR subscription, campaigns, a first student; newcomers of a second import", async ({
  page,
  context,
  browser,
}) => {
  await signInAs(context, { userId: adminId });
  await page.goto("/orga");
  await expect(page).toHaveURL(/\/orga\/accueil$/);
  await expect(page.getByRole("heading", { level: 1, name: "Préparer la première campagne" })).toBeVisible();
  await expect(lineOf(page, "activation")).toHaveAttribute("data-state", "done");
  await expect(lineOf(page, "activation")).toContainText(/Activé le \d{2}\/\d{2}\/\d{4} par Claire Durand/);
  for (const id of ["import", "subscription", "assignment", "campaigns"])
    await expect(lineOf(page, id)).toHaveAttribute("data-state", "todo");
  await expect(lineOf(page, "subscription")).toContainText("ses élèves ne voient pas Pix dans le médiacentre");
  expect(await axeViolations(page)).toEqual([]);

  // 1. The SIECLE base (CSV): one pupil in 5E A.
  await lineOf(page, "import").getByRole("link", { name: "Importer la base élèves" }).click();
  await importCsv(page, FIRST_BASE);
  await page.goto("/orga/accueil");
  await expect(lineOf(page, "import")).toHaveAttribute("data-state", "done");
  await expect(lineOf(page, "import")).toContainText("Importée par Claire Durand");
  await expect(lineOf(page, "assignment")).toHaveAttribute("data-state", "todo");
  await expect(lineOf(page, "assignment")).toContainText("L'élève importé n'est pas encore arrivé dans Pix par le GAR");
  await expect(lineOf(page, "campaigns")).toContainText("1 classe n'a pas de campagne active : 5E A.");

  // Without a subscription the GAR hides Pix and refuses Lucie; the app says so in French.
  const student = await (await browser.newContext({ baseURL: appBaseUrl })).newPage();
  await signInToEntAsLucie(student);
  await expect(student.getByText("abonné à aucune ressource Pix")).toBeVisible();
  await expect(student.getByRole("link", { name: /^Pix/ })).toHaveCount(0);
  await student.goto("/gar/connexion");
  await expect(
    student.getByRole("heading", { name: "Pix n'est pas encore disponible pour votre établissement" }),
  ).toBeVisible();
  await expect(student.locator('main [role="alert"]')).toContainText("son abonnement n'existe pas ou a expiré");
  expect(await axeViolations(student)).toEqual([]);

  // 2. The subscription: one click, a PUT over mutual TLS to the web service stand-in, recorded.
  await lineOf(page, "subscription").getByRole("button", { name: "Créer l'abonnement dans le GAR" }).click();
  await expect(lineOf(page, "subscription")).toHaveAttribute("data-state", "done");
  await expect(lineOf(page, "subscription")).toContainText(/Abonnement actif du \d{2}\/\d{2}\/\d{4} au 31\/08\/\d{4}/);
  const calls = await withDb(async (db) => {
    const { rows } = await db.query<{ operation: string; succeeded: boolean; http_status: number }>(
      "SELECT operation, succeeded, http_status FROM gar_subscription_calls WHERE school_id = $1 ORDER BY id",
      [schoolId],
    );
    return rows;
  });
  expect(calls).toEqual([{ operation: "PUT", succeeded: true, http_status: 201 }]);

  // 3. The campaigns: "Créer les campagnes manquantes" → one per class.
  await lineOf(page, "campaigns").getByRole("link", { name: "Créer les campagnes manquantes" }).click();
  await page.getByRole("radio", { name: PARCOURS }).check();
  await expect(page.getByRole("checkbox", { name: "5E A", exact: true })).toBeChecked();
  await page.getByRole("button", { name: "Créer les campagnes" }).click();
  await expect(page.getByRole("status")).toContainText("1 campagne créée");
  const code = await withDb(async (db) => {
    const { rows } = await db.query<{ code: string }>(
      "SELECT code FROM campaigns WHERE school_id = $1 AND division = '5E A' AND archived_at IS NULL",
      [schoolId],
    );
    return rows[0]!.code;
  });
  await page.goto("/orga/accueil");
  await expect(lineOf(page, "campaigns")).toHaveAttribute("data-state", "done");
  await expect(lineOf(page, "assignment")).toHaveAttribute("data-state", "todo");

  // 4. Lucie arrives through the GAR: the tile is there now, code, birth date.
  await signInToEntAsLucie(student);
  await student.getByRole("link", { name: /^Pix/ }).click();
  await expect(student.getByRole("heading", { name: "Rejoindre un parcours" })).toBeVisible();
  await student.getByLabel("Code du parcours").fill(code);
  await student.getByRole("button", { name: "Accéder au parcours" }).click();
  const [year, month, day] = LUCIE.birth.split("/").reverse();
  await student.getByLabel("Jour").fill(day!);
  await student.getByLabel("Mois").fill(month!);
  await student.getByLabel("Année").fill(year!);
  await student.getByRole("button", { name: "C'est parti !" }).click();
  await student.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(student).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);

  await page.goto("/orga/accueil");
  for (const id of ["activation", "import", "subscription", "assignment", "campaigns"])
    await expect(lineOf(page, id)).toHaveAttribute("data-state", "done");
  await expect(page.getByText("5 étapes faites sur 5")).toBeVisible();

  // 5. A second import brings two newcomers: listed first under Affectation, by class.
  await importCsv(page, SECOND_BASE);
  await page.goto("/orga/accueil");
  const assignment = lineOf(page, "assignment");
  await expect(assignment).toHaveAttribute("data-state", "warning");
  await expect(assignment).toContainText("2 élèves importés ne sont jamais arrivés dans Pix par le GAR (sur 3).");
  const newcomers = assignment.getByRole("region", {
    name: "Ces élèves sont arrivés depuis le dernier import : pensez à leur affecter la ressource Pix dans le GAR",
  });
  await expect(newcomers.getByRole("listitem")).toHaveText([
    `5E A : 1 élève — BERGER${digits} Nathan`,
    `5E B : 1 élève — CHAUVIN${digits} Inès`,
  ]);
  await expect(assignment).not.toContainText(LUCIE.last);
  await assignment.getByText("Comment affecter la ressource Pix").click();
  await expect(assignment).toContainText("Qui : le responsable d'affectation");
  await expect(lineOf(page, "campaigns")).toContainText("5E B");
  expect(await axeViolations(page)).toEqual([]);

  // The printable list for the responsable d'affectation.
  await assignment.getByRole("link", { name: "Imprimer la liste pour le responsable d'affectation" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Élèves à qui affecter la ressource Pix dans le GAR" }),
  ).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: `BERGER${digits} Nathan (nouveau)` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("a MEMBER sees the compact checklist, without pupils' names or the subscription button", async ({
  page,
  context,
}) => {
  const member = await createMember({ schoolId, role: "MEMBER", email: `prof.${UAI.toLowerCase()}@e2e.test` });
  await signInAs(context, { userId: member.userId });
  await page.goto("/orga/accueil");
  await expect(page.getByText("Où en est l'établissement avant les campagnes :")).toBeVisible();
  await expect(lineOf(page, "assignment")).not.toContainText("BERGER");
  await expect(page.getByRole("button", { name: /abonnement/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  const print = await page.goto("/orga/accueil/affectation");
  expect(print?.status()).toBe(404);
});

test("the rentrée banner: from 1 September (fake clock) until the base of the new year is imported", async ({
  page,
  context,
}) => {
  // The school's last import was in June; the dev clock says 15 September of the same calendar year.
  const now = new Date();
  const schoolYear = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  await withDb((db) =>
    db.query("UPDATE siecle_imports SET created_at = $2 WHERE school_id = $1 AND status = 'IMPORTED'", [
      schoolId,
      `${schoolYear}-06-20T10:00:00Z`,
    ]),
  );
  await signInAs(context, { userId: adminId });
  await context.addCookies([{ name: "pix_dev_clock", value: `${schoolYear}-09-15T08:00:00Z`, url: appBaseUrl }]);
  for (const path of ["/orga/accueil", "/orga/campagnes", "/orga/eleves"]) {
    await page.goto(path);
    await expect(page.getByTestId("rentree-banner")).toContainText(
      `Rentrée ${schoolYear} : importez la base élèves de la nouvelle année scolaire`,
    );
  }
  await page.goto("/orga/accueil");
  await expect(lineOf(page, "import")).toHaveAttribute("data-state", "warning");
  expect(await axeViolations(page)).toEqual([]);

  // The import of the new year's base makes it go (the clock still says 15 September).
  await page.getByTestId("rentree-banner").getByRole("link", { name: "Importer la base élèves" }).click();
  await importCsv(page, SECOND_BASE);
  await page.goto("/orga/campagnes");
  await expect(page.getByTestId("rentree-banner")).toHaveCount(0);
  await page.goto("/orga/accueil");
  await expect(lineOf(page, "import")).toHaveAttribute("data-state", "done");
});
