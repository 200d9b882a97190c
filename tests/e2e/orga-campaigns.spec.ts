import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";

import { generateCampaignCode } from "../../src/features/campaigns/domain/campaign-code";
import type { CampaignSnapshot } from "../../src/features/parcours/types";
import { prisma } from "../../src/lib/db";
import { createCampaign } from "../factories/campaigns";
import { createGarStudentUser } from "../factories/learners";
import { createSharedParticipation } from "../factories/runner";
import { schoolByUai, userByEmail } from "../factories/schools";
import {
  appBaseUrl,
  axeViolations,
  DEMO_ADMIN,
  DEMO_MEMBER,
  DEMO_SCHOOL,
  expect,
  signInAs,
  test,
  withDb,
} from "./fixtures";

/**
 * A head of school at the rentrée: one campaign per class in one go, then a teacher's view of
 * one class — copy the code, project it, watch the class join live, print the fiche élève,
 * export the CSV. The e2e seed holds the school, its accounts and the parcours; the demo SIECLE
 * base is imported here with the operator CLI (idempotent; the import screen has its own journey).
 */

const PARCOURS = { id: "cycle-4-cultures-numeriques", name: "Cycle 4 — 5e/4e" };
const CLASS = "4E B";

function runTsx(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", ...args],
    {
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.E2E_DATABASE_URL },
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`${args.join(" ")} : ${result.stderr}`);
}

async function expectNoSeriousViolations(page: Page, label: string) {
  const serious = (await axeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }))
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

test.beforeAll(async () => {
  runTsx(["scripts/cli.ts", "siecle:import", "--uai", DEMO_SCHOOL.uai, "prisma/seed-data/ElevesSansAdresses-demo.xml"]);
  // Earlier runs (or journeys) may have created campaigns for this parcours: start from none.
  await prisma.campaign.updateMany({
    where: { targetProfileId: PARCOURS.id, archivedAt: null, school: { uai: DEMO_SCHOOL.uai, archivedAt: null } },
    data: { archivedAt: new Date() },
  });
});

test("bulk-create one campaign per class, then run a class: code, projection, live joins, fiche élève, CSV", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: appBaseUrl });
  await signInAs(context, { email: DEMO_ADMIN.email });
  const divisions = await withDb(async (db) => {
    const { rows } = await db.query<{ division: string }>(
      `SELECT DISTINCT division FROM learners WHERE is_disabled = false AND school_id = (SELECT id FROM schools WHERE uai = $1 AND archived_at IS NULL)`,
      [DEMO_SCHOOL.uai],
    );
    return rows.map((row) => row.division);
  });
  expect(divisions).toContain(CLASS);

  // Classes: each with its joined count and the way to create its campaign.
  await page.goto("/orga/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`^${CLASS}`) })).toBeVisible();
  await expectNoSeriousViolations(page, "classes");
  await page.getByRole("link", { name: "Créer une campagne pour chaque classe" }).click();

  // Bulk creation: pick the parcours, every class is ticked.
  await expect(page.getByRole("heading", { level: 1, name: "Créer une campagne pour chaque classe" })).toBeVisible();
  await page.getByRole("button", { name: "Créer les campagnes" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Choisissez un parcours.");
  await page.getByRole("radio", { name: new RegExp(PARCOURS.name) }).check();
  for (const division of divisions)
    await expect(page.getByRole("checkbox", { name: division, exact: true })).toBeChecked();
  await expectNoSeriousViolations(page, "création par classe");
  await page.getByRole("button", { name: "Créer les campagnes" }).click();
  await expect(page.getByRole("status")).toContainText(`${divisions.length} campagnes créées`);
  await expectNoSeriousViolations(page, "création par classe (résultat)");

  const created = await withDb(
    async (db) =>
      (
        await db.query<{ id: number; code: string; division: string; name: string }>(
          `SELECT id, code, division, name FROM campaigns WHERE target_profile_id = $1 AND archived_at IS NULL`,
          [PARCOURS.id],
        )
      ).rows,
  );
  expect(created.map((campaign) => campaign.division).sort()).toEqual([...divisions].sort());
  for (const campaign of created) expect(campaign.code).toMatch(/^[A-HJKMNP-Z]{6}[2-9]{3}$/);
  const campaign = created.find((item) => item.division === CLASS)!;
  expect(campaign.name).toBe(`${PARCOURS.name} — ${CLASS}`);

  // Pressing again creates nothing more.
  await page.goto("/orga/campagnes/nouvelle/classes");
  await page.getByRole("radio", { name: new RegExp(PARCOURS.name) }).check();
  await expect(
    page.getByRole("checkbox", { name: `${CLASS} (a déjà une campagne active pour ce parcours)` }),
  ).toBeDisabled();

  // The campaign list, filtered on the class.
  await page.goto(`/orga/campagnes?division=${encodeURIComponent(CLASS)}`);
  await expectNoSeriousViolations(page, "campagnes");
  await page.getByRole("link", { name: campaign.name }).click();

  // The campaign page: the code, huge and grouped; copy buttons.
  await expect(page.getByRole("heading", { level: 1, name: campaign.name })).toBeVisible();
  const grouped = `${campaign.code.slice(0, 3)} ${campaign.code.slice(3, 6)} ${campaign.code.slice(6)}`;
  await expect(page.getByTestId("campaign-code")).toHaveText(grouped);
  await page.getByRole("button", { name: "Copier le code" }).click();
  await expect(page.getByText("Copié !").first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(campaign.code);
  await page.getByRole("button", { name: "Copier le lien" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${appBaseUrl}/campagnes/${campaign.code}`);
  await expectNoSeriousViolations(page, "campagne — activité");

  // Projection: the code alone, full screen; Échap closes it.
  await page.getByRole("button", { name: "Projeter le code" }).click();
  const projection = page.getByRole("dialog");
  await expect(projection).toContainText(grouped);
  await page.keyboard.press("Escape");
  await expect(projection).toBeHidden();

  // Live: the class joins while the page stays open.
  const notJoined = page.getByRole("heading", { name: /^Pas encore rejoint \(\d+\)$/ });
  const classSize = await withDb(async (db) =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM learners WHERE division = $1 AND is_disabled = false AND school_id = (SELECT id FROM schools WHERE uai = $2 AND archived_at IS NULL)`,
          [CLASS, DEMO_SCHOOL.uai],
        )
      ).rows[0]!.n,
    ),
  );
  await expect(notJoined).toHaveText(`Pas encore rejoint (${classSize})`);
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const learner = await prisma.learner.findFirstOrThrow({
    where: { schoolId: school.id, division: CLASS, isDisabled: false },
    orderBy: { lastName: "asc" },
  });
  const joiner = { ...learner, last_name: learner.preferredLastName ?? learner.lastName };
  const user = await createGarStudentUser({
    garId: `IDO-E2E-CAMPAIGN-${Date.now()}`,
    firstName: learner.firstName,
    lastName: joiner.last_name,
  });
  await prisma.learner.update({ where: { id: learner.id }, data: { userId: user.id } });
  await createSharedParticipation({
    campaignId: campaign.id,
    learnerId: learner.id,
    userId: user.id,
    masteryRate: 0.75,
  });
  await expect(notJoined).toHaveText(`Pas encore rejoint (${classSize - 1})`, { timeout: 15_000 });
  await expect(page.getByTestId("count-SHARED")).toContainText("1");
  // The participant's name cell (the row also has a "Voir le résultat de …" link naming them).
  await expect(page.getByRole("cell", { name: new RegExp(`^${joiner.last_name}`) })).toBeVisible();

  // Résultats.
  await page.getByRole("link", { name: "Résultats" }).click();
  await expect(page.getByTestId("average-mastery")).toHaveText("75 %");
  await expectNoSeriousViolations(page, "campagne — résultats");

  // Paramètres (the ADMIN may edit).
  await page.getByRole("link", { name: "Paramètres" }).click();
  await expect(page.getByLabel("Nom de la campagne")).toHaveValue(campaign.name);
  await expectNoSeriousViolations(page, "campagne — paramètres");

  // CSV export: UTF-8 with BOM, `;`, French headers, a Classe column.
  await page.getByRole("link", { name: "Activité" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`resultats-campagne-${campaign.code}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  // The campaign first, then the learner; an ADMIN's export carries the INE.
  expect(lines[0]!.split(";").slice(0, 8)).toEqual([
    "Campagne",
    "Code de la campagne",
    "Parcours",
    "Nom",
    "Prénom",
    "Classe",
    "INE",
    "Statut",
  ]);
  expect(lines).toHaveLength(2);
  expect(lines[1]!.split(";").slice(1, 8)).toEqual([
    campaign.code,
    expect.any(String),
    joiner.last_name,
    joiner.firstName,
    CLASS,
    joiner.nationalStudentId,
    "Résultats reçus",
  ]);
  expect(lines[1]!.split(";")[12]).toBe("75");

  // Fiche élève: the A4 sheet for the class, as printed.
  await page.getByRole("link", { name: "Imprimer les fiches élèves" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fiches élèves" })).toBeVisible();
  await expect(page.getByTestId("sheet-code")).toHaveText(grouped);
  await expect(page.getByTestId("sheet-slip")).toHaveCount(classSize);
  await expectNoSeriousViolations(page, "fiche élève");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeHidden();
  await page.screenshot({ path: "test-results/fiche-eleve-print.png", fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  await page.emulateMedia({ media: "screen" });

  // Élèves: the one who joined shows up with the médiacentre connection.
  await page.goto(`/orga/eleves?division=${encodeURIComponent(CLASS)}&joined=yes`);
  await expect(page.getByRole("row", { name: new RegExp(`${joiner.last_name}.*Médiacentre`) })).toBeVisible();
  await expectNoSeriousViolations(page, "élèves");
});

test("a teacher creates the campaign of a class from its row, and may not archive a colleague's", async ({
  page,
  context,
}) => {
  await signInAs(context, { email: DEMO_MEMBER.email });
  await page.goto("/orga/classes");
  await page.getByRole("link", { name: `Créer la campagne de la classe ${CLASS}` }).click();
  await page.waitForURL(/\/orga\/campagnes\/nouvelle/);
  await expect(page.getByLabel("Classe", { exact: true })).toHaveValue(CLASS);
  await expectNoSeriousViolations(page, "nouvelle campagne");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("Choisissez un parcours.");
  await expectNoSeriousViolations(page, "nouvelle campagne (erreurs)");
  await page.getByRole("radio", { name: /Rentrée en seconde/ }).check();
  await expect(page.getByLabel("Nom de la campagne")).toHaveValue(`Rentrée en seconde — ${CLASS}`);
  await page.getByLabel("Nom de la campagne").fill("Sécurité numérique — 4E B (M. Martin)");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sécurité numérique — 4E B (M. Martin)" })).toBeVisible();
  await page.getByRole("link", { name: "Paramètres" }).click();
  // Archiving asks for a confirmation first.
  await page.getByText("Archiver la campagne", { exact: true }).click();
  await page.getByRole("button", { name: "Confirmer : archiver la campagne" }).click();
  await expect(page.getByText(/Campagne archivée le/)).toBeVisible();

  // A campaign the ADMIN owns: read-only for this MEMBER.
  const adminCampaign = await createCampaign({
    schoolId: (await schoolByUai(DEMO_SCHOOL.uai)).id,
    ownerId: (await userByEmail(DEMO_ADMIN.email)).id,
    name: "Campagne de la direction",
    code: generateCampaignCode(),
    targetProfileId: PARCOURS.id,
    division: CLASS,
    snapshot: { targetProfileId: PARCOURS.id, competences: [], challenges: [] } as unknown as CampaignSnapshot,
  });
  const adminCampaignId = adminCampaign.id;
  await page.goto(`/orga/campagnes/${adminCampaignId}/parametres`);
  await expect(
    page.getByText("Seuls le propriétaire de la campagne et les administrateurs peuvent la modifier."),
  ).toBeVisible();
  await expect(page.getByText("Archiver la campagne", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /archiver/i })).toHaveCount(0);
  await expect(page.getByLabel("Nom de la campagne")).toHaveCount(0);
});
