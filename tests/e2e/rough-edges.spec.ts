import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { prisma } from "../../src/lib/db";
import { createParticipant } from "../factories/runner";
import { schoolByUai } from "../factories/schools";
import { findFixtureStudent } from "../gar/students";
import { appBaseUrl, axeViolations, DEMO_ADMIN, DEMO_SCHOOL, expect, signInAs, test, withDb } from "./fixtures";
import {
  arrangeDemoCampaign,
  openPixFromMediacentre,
  signInToEnt,
  typeBirthdate,
  typeCampaignCode,
} from "./pages/student";

/** Rough edges of issue 12 (student code flow, Orga polish), each checked on the page. */

async function expectNoSeriousViolations(page: Page) {
  const serious = (await axeViolations(page)).filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => violation.id)).toEqual([]);
}

const activeParticipationsIn = (code: string) =>
  withDb(async (db) =>
    Number(
      (
        await db.query<{ count: string }>(
          "SELECT count(*) FROM participations p JOIN campaigns c ON c.id = p.campaign_id WHERE c.code = $1 AND p.deleted_at IS NULL",
          [code],
        )
      ).rows[0]!.count,
    ),
  );

test("another class's code: the student is warned, may change code or go on, and becomes a participant only at Commencer", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const { id, code } = await arrangeDemoCampaign("Parcours de la 6E B", { division: "6E B" });
  const student = findFixtureStudent("fatoumata-robert");
  expect(student.siecle!.division).toBe("6E A");

  await signInToEnt(page, student);
  await openPixFromMediacentre(page);
  await typeCampaignCode(page, code);
  await typeBirthdate(page, student.birthdate);
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);

  const warning = page.getByTestId("other-class-warning");
  await expect(warning).toContainText(
    "Ce code est celui de la classe 6E B. Vous êtes en 6E A : vérifiez le code avec votre professeur.",
  );
  await expect(page.getByRole("button", { name: "Commencer" })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  // Code and birth date typed: the account is linked, but nobody is a participant yet.
  expect(await activeParticipationsIn(code)).toBe(0);

  // *Changer de code* goes back to the code entry; the same code again, the same warning.
  await page.getByRole("link", { name: "Changer de code" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/rejoindre`);
  await typeCampaignCode(page, code);
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/demarrer`);
  await expect(warning).toBeVisible();
  expect(await activeParticipationsIn(code)).toBe(0);

  // *Continuer quand même*: the start page, still nothing started.
  await page.getByRole("link", { name: "Continuer quand même" }).click();
  const begin = page.getByRole("button", { name: "Commencer" });
  await expect(begin).toBeVisible();
  await expect(warning).toHaveCount(0);
  expect(await activeParticipationsIn(code)).toBe(0);

  // Orga: no participant yet; in her own class (6E A) she has joined Pix.
  const staff = await browser.newContext({ baseURL: appBaseUrl });
  await signInAs(staff, { email: DEMO_ADMIN.email });
  const orga = await staff.newPage();
  await orga.goto(`/orga/campagnes/${id}`);
  await expect(orga.getByText("Personne n'a encore rejoint la campagne. Donnez le code à la classe.")).toBeVisible();
  await orga.goto(`/orga/eleves?division=${encodeURIComponent("6E A")}&joined=yes`);
  await expect(orga.getByRole("row", { name: /^ROBERT Fatoumata/ })).toBeVisible();

  // *Commencer*, pressed twice: one participation, and the first question.
  await begin.dblclick();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${code}/question`);
  expect(await activeParticipationsIn(code)).toBe(1);
  await orga.goto(`/orga/campagnes/${id}`);
  await expect(orga.getByRole("row", { name: /^ROBERT Fatoumata 6E A/ })).toBeVisible();
  await staff.close();
});

test("the campaign form's errors go as their fields are corrected", async ({ page, context }) => {
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto("/orga/campagnes/nouvelle");
  await page.getByRole("button", { name: "Créer la campagne" }).click();
  const name = page.getByLabel("Nom de la campagne");
  await expect(page.locator("#name-error")).toHaveText(/Indiquez le nom de la campagne\./);
  await expect(page.locator("#targetProfileId-error")).toHaveText(/Choisissez un parcours\./);
  await expect(name).toHaveAttribute("aria-invalid", "true");

  await name.fill("Ma campagne");
  await expect(page.locator("#name-error")).toHaveCount(0);
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  // The other field's error stays until that field changes.
  await expect(page.locator("#targetProfileId-error")).toBeVisible();
  await page.getByRole("radio").first().check();
  await expect(page.locator("#targetProfileId-error")).toHaveCount(0);
});

test("Élèves: one scroll, the birth name beside the usage name, and why a search matched", async ({
  page,
  context,
}) => {
  await arrangeDemoCampaign(); // the demo school's learners
  const chloe = findFixtureStudent("chloe-bonnet"); // SIECLE BONNET, usage name MOREAU
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto("/orga/eleves");
  const table = page.getByRole("region", { name: "Liste des élèves" });
  await expect(table).toBeVisible();
  // No scrolling box of its own inside the scrolling page.
  const box = await table.evaluate((element) => ({
    maxHeight: getComputedStyle(element).maxHeight,
    overflowing: element.scrollHeight > element.clientHeight + 1,
  }));
  expect(box).toEqual({ maxHeight: "none", overflowing: false });

  await page.goto("/orga/eleves?q=bonnet");
  const row = page.getByRole("row", { name: /^MOREAU/ }).filter({ hasText: "Chloé" });
  await expect(row).toContainText("Nom de naissance : BONNET");
  await expect(row.getByTestId("search-match")).toHaveText("correspond au nom de naissance");
  // A row whose shown name holds the word needs no explanation.
  const manon = page.getByRole("row", { name: /^BONNET/ }).filter({ hasText: "Manon" });
  await expect(manon).toBeVisible();
  await expect(manon.getByTestId("search-match")).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // An ADMIN may find a learner by their whole INE; the list still never shows it.
  const ine = chloe.siecle!.nationalStudentId;
  await page.goto(`/orga/eleves?q=${encodeURIComponent(ine)}`);
  const byIne = page.getByRole("row", { name: /^MOREAU/ });
  await expect(byIne.getByTestId("search-match")).toHaveText("correspond à l'INE");
  await expect(page.getByRole("main")).not.toContainText(ine);
});

test("Activité: landmarks named once, the live region speaks only of changes, the code on one line on a phone", async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(90_000);
  const { id } = await arrangeDemoCampaign("Parcours de la 6E B", { division: "6E B" });
  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto(`/orga/campagnes/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: "Participants" })).toBeVisible();
  const landmarks = await new AxeBuilder({ page }).withRules(["landmark-unique"]).analyze();
  expect(landmarks.violations.map((violation) => violation.nodes.map((node) => node.target.join(" ")))).toEqual([]);

  // A poll that changes nothing: the time is shown, outside the live region, which stays silent.
  const updated = page.getByTestId("live-updated");
  const live = page.getByTestId("live-announcement");
  await expect(updated).toContainText("Mis à jour à", { timeout: 15_000 });
  await expect(live).toHaveAttribute("aria-live", "polite");
  await expect(page.locator("[aria-live]").filter({ hasText: "Mis à jour" })).toHaveCount(0);
  const firstTime = await updated.textContent();
  await expect(updated).not.toHaveText(firstTime!, { timeout: 15_000 });
  await expect(live).toHaveText("");

  // A student joins, then another shares: each announced once, by name.
  const school = await schoolByUai(DEMO_SCHOOL.uai);
  const suffix = `${Date.now()}`.slice(-6);
  await createParticipant({
    schoolId: school.id,
    campaignId: id,
    division: "6E B",
    firstName: "Zoé",
    lastName: `DIRECT${suffix}`,
  });
  await expect(live).toHaveText(`Zoé DIRECT${suffix} a rejoint la campagne.`, { timeout: 15_000 });
  const sharer = await createParticipant({
    schoolId: school.id,
    campaignId: id,
    division: "6E B",
    firstName: "Côme",
    lastName: `PARTAGE${suffix}`,
  });
  await expect(live).toHaveText(`Côme PARTAGE${suffix} a rejoint la campagne.`, { timeout: 15_000 });
  await prisma.participation.update({
    where: { id: sharer.participationId },
    data: {
      status: "SHARED",
      masteryRate: 0.5,
      results: {
        version: 1,
        masteryRate: 0.5,
        answeredCount: 2,
        correctCount: 1,
        competences: [],
        missedChallengeIds: [],
      },
      completedAt: new Date(),
      sharedAt: new Date(),
    },
  });
  await expect(live).toHaveText(`Côme PARTAGE${suffix} a partagé ses résultats.`, { timeout: 15_000 });

  // On a 360 px phone the 9-character code stays on one line, inside the screen.
  const phone = await browser.newContext({ baseURL: appBaseUrl, viewport: { width: 360, height: 740 } });
  await signInAs(phone, { email: DEMO_ADMIN.email });
  const small = await phone.newPage();
  await small.goto(`/orga/campagnes/${id}`);
  const codeElement = small.getByTestId("campaign-code");
  await expect(codeElement).toBeVisible();
  const layout = await codeElement.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return {
      lines: Math.round(rect.height / parseFloat(getComputedStyle(element).lineHeight)),
      insideScreen: rect.left >= 0 && rect.right <= window.innerWidth,
      clipped: element.scrollWidth > element.clientWidth + 1,
    };
  });
  expect(layout).toEqual({ lines: 1, insideScreen: true, clipped: false });
  await phone.close();
});
