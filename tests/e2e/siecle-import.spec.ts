import { readFileSync } from "node:fs";
import path from "node:path";

import { unzipSync, zipSync } from "fflate";
import iconv from "iconv-lite";

import { createMember, createSchool, createStaffUser } from "../factories/schools";
import { appBaseUrl, expect, signInAs, test, withDb } from "./fixtures";

/**
 * The import journey on a school of its own, so that it does not depend on what the seed put in
 * the demo school: the demo SIECLE zip (60 records, 57 importable in 10 classes) with its UAJ set
 * to this school's UAI.
 */
const UAI = `09${String(Date.now()).slice(-5)}K`;
const DEMO_ZIP = path.resolve("prisma/seed-data/ExportXML_ElevesSansAdresses-demo.zip");

function demoZipFor(uai: string, edit: (xml: string) => string = (xml) => xml): Buffer {
  const entries = unzipSync(readFileSync(DEMO_ZIP));
  const xmlName = Object.keys(entries).find((name) => name.endsWith(".xml") && !name.startsWith("__MACOSX"))!;
  let xml = iconv
    .decode(Buffer.from(entries[xmlName]!), "iso-8859-15")
    .replace(/<UAJ>[^<]*<\/UAJ>/, `<UAJ>${uai}</UAJ>`);
  xml = edit(xml);
  return Buffer.from(zipSync({ ...entries, [xmlName]: new Uint8Array(iconv.encode(xml, "iso-8859-15")) }));
}

// The MEMBER test looks at the import the ADMIN test made.
test.describe.configure({ mode: "serial" });

let schoolId: number;
let adminId: number;
let memberId: number;

test.beforeAll(async () => {
  schoolId = (await createSchool({ name: "Collège de l'import (e2e)", uai: UAI, officialEmail: "ce.import@ac-e2e.fr" }))
    .id;
  const createUser = async (email: string, firstName: string, lastName: string, role: "ADMIN" | "MEMBER") => {
    const { id } = await createStaffUser({ email, firstName, lastName });
    await createMember({ schoolId, userId: id, role });
    return id;
  };
  adminId = await createUser(`admin.${UAI.toLowerCase()}@e2e.test`, "Claire", "Durand", "ADMIN");
  memberId = await createUser(`prof.${UAI.toLowerCase()}@e2e.test`, "Paul", "Martin", "MEMBER");
});

const learnerCount = () =>
  withDb(async (db) =>
    Number(
      (await db.query("SELECT count(*) FROM learners WHERE school_id = $1 AND NOT is_disabled", [schoolId])).rows[0]
        .count,
    ),
  );

test("an ADMIN uploads the SIECLE zip, checks the preview, confirms, then finds the learners and classes", async ({
  page,
  context,
}) => {
  await signInAs(context, { userId: adminId });
  await page.goto("/orga/eleves/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importer la base élèves" })).toBeVisible();
  await expect(page.getByText("Aucune base élèves n'a encore été importée.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Télécharger le modèle de fichier CSV" })).toHaveAttribute(
    "href",
    "/orga/eleves/import/modele-csv",
  );

  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "ExportXML_ElevesSansAdresses.zip",
    mimeType: "application/zip",
    buffer: demoZipFor(UAI),
  });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("heading", { name: "Vérifiez avant d'importer" })).toBeFocused();
  await expect(preview).toContainText(
    "57 élèves seront ajoutés, 0 mis à jour, 0 désactivé (absents du fichier), 3 ignorés (sortis de l'établissement, sans INE ou sans classe)",
  );
  await expect(preview).toContainText("3 élèves sortis de l'établissement");
  await expect(preview).toContainText("10 classes trouvées");
  const classes = preview.getByRole("list", { name: "Classes du fichier" }).getByRole("listitem");
  await expect(classes).toHaveCount(10);
  await expect(classes.first()).toHaveText("3E A");
  // A preview writes nothing.
  expect(await learnerCount()).toBe(0);

  await preview.getByRole("button", { name: "Confirmer l'import" }).click();

  await expect(page.getByTestId("import-done")).toContainText(
    "57 élèves ajoutés, 0 mis à jour, 0 désactivé, 3 ignorés.",
  );
  const banner = page.getByTestId("last-import-banner");
  await expect(banner).toContainText(/Base élèves importée le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} par Claire Durand/);
  await expect(banner).toContainText("57 élèves ajoutés");
  const history = page.getByRole("table", { name: "Historique des imports" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history).toContainText("Importé");
  expect(await learnerCount()).toBe(57);

  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Élèves" }).click();
  await expect(page).toHaveURL(/\/orga\/eleves$/);
  await expect(page.getByText("57 élèves", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Liste des élèves" })).toBeVisible();

  await page.goto("/orga/classes");
  for (const division of ["3E A", "4E B", "6E C"]) {
    await expect(page.getByRole("rowheader", { name: division })).toBeVisible();
  }
});

test("a second import lists who is updated and what changes, before anything is applied", async ({ page, context }) => {
  await signInAs(context, { userId: adminId });
  await page.goto("/orga/eleves/import");
  // Chloé MOREAU (the first pupil of the demo file) is now born on the 21st, and her usage name is gone.
  const edited = demoZipFor(UAI, (xml) =>
    xml
      .replace("<DATE_NAISS>20/04/2011</DATE_NAISS>", "<DATE_NAISS>21/04/2011</DATE_NAISS>")
      .replace("<NOM_USAGE>MOREAU</NOM_USAGE>", "<NOM_USAGE></NOM_USAGE>"),
  );
  await page.getByLabel("Fichier à importer").setInputFiles({
    name: "ExportXML_ElevesSansAdresses.zip",
    mimeType: "application/zip",
    buffer: edited,
  });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("0 élève sera ajouté, 1 mis à jour");
  const changes = preview.getByRole("table", { name: "Élèves mis à jour par cet import" });
  const row = changes.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Chloé MOREAU" }) });
  await expect(row).toContainText("date de naissance : 20/04/2011 → 21/04/2011");
  await expect(row).toContainText("nom d'usage : MOREAU → (vide)");
  await expect(changes.getByRole("row")).toHaveCount(2);
  await preview.getByRole("button", { name: "Annuler" }).click();
});

test("a file with errors is refused in French and nothing is imported", async ({ page, context }) => {
  await signInAs(context, { userId: adminId });
  const before = await learnerCount();
  const csv =
    "Identifiant unique*;Premier prénom*;Deuxième prénom;Troisième prénom;Nom de famille*;Nom d'usage;Code sexe*;" +
    "Date de naissance (jj/mm/aaaa)*;Code commune naissance**;Libellé commune naissance**;Code département naissance*;" +
    "Code pays naissance*;Statut*;Code MEF*;Division*\r\n" +
    "1234567890A;Timéo;;;LEMAIRE;;M;;35238;;035;99100;ST;10310019110;3E C\r\n" +
    "1234567890A;Anaïs;;;DA SILVA;;F;21/04/2010;35238;;035;99100;ST;10310019110;3E C\r\n";
  await page.goto("/orga/eleves/import");
  await page
    .getByLabel("Fichier à importer")
    .setInputFiles({ name: "eleves.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();

  const panel = page.getByTestId("import-errors");
  await expect(panel).toContainText("Aucun élève n'a été importé. Corrigez le fichier puis réessayez.");
  await expect(panel).toContainText("Ligne 2 : le champ « Date de naissance » est obligatoire.");
  await expect(panel).toContainText("Ligne 3 : l'identifiant 1234567890A apparaît plusieurs fois (déjà ligne 2).");
  await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
  expect(await learnerCount()).toBe(before);
  await page.reload();
  await expect(page.getByRole("table", { name: "Historique des imports" })).toContainText(
    "Refusé (erreurs dans le fichier)",
  );
});

test("a MEMBER sees the last import but cannot import", async ({ page, context }) => {
  await signInAs(context, { userId: memberId });
  await page.goto("/orga/eleves/import");
  await expect(
    page.getByText("Seuls les administrateurs de l'établissement peuvent importer la base élèves."),
  ).toBeVisible();
  await expect(page.getByLabel("Fichier à importer")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Analyser le fichier" })).toHaveCount(0);
  await expect(page.getByTestId("last-import-banner")).toContainText("par Claire Durand");
  await expect(page.getByRole("table", { name: "Historique des imports" })).toBeVisible();

  // Uploading the file anyway (the upload only stages; confirming is a server action), with the member's own session (and our Origin, as the page would), is
  // refused and changes nothing.
  const before = await learnerCount();
  const response = await page.request.post("/orga/eleves/import/televersement", {
    headers: {
      Origin: new URL(appBaseUrl).origin,
      "X-File-Name": "ExportXML_ElevesSansAdresses.zip",
      "Content-Type": "application/zip",
    },
    data: demoZipFor(UAI),
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ status: "error", code: "FORBIDDEN" });
  expect(await learnerCount()).toBe(before);
  // Nothing is staged for confirmation either.
  expect(
    await withDb(async (db) =>
      Number(
        (
          await db.query("SELECT count(*) FROM siecle_import_stagings WHERE school_id = $1 AND created_by_id = $2", [
            schoolId,
            memberId,
          ])
        ).rows[0].count,
      ),
    ),
  ).toBe(0);
});
