import { expect, type Page } from "@playwright/test";

import { readContent } from "../../../content/load-content";
import { generateCampaignCode } from "../../../src/features/campaigns/domain/campaign-code";
import { type FixtureStudent, fixtureStudents } from "../../gar/students";
import { createCampaign } from "../../factories/campaigns";
import { ensureSiecleLearner } from "../../factories/learners";
import { arrangeDemoParcours } from "../fixtures";
import { snapshotFor } from "../../support/content-snapshot";

/** The student side through the real GAR/ENT stand-in (tests/gar): ENT démo → médiacentre → Pix. */

const garBaseUrl = `http://localhost:${process.env.E2E_GAR_PORT ?? 4100}`;
const PARCOURS_ID = "rentree-6e";

/** The demo school's learners (as imported from SIECLE) and a fresh campaign: school-wide, or for one class. */
export async function arrangeDemoCampaign(
  title = "Parcours de rentrée",
  options: { division?: string } = {},
): Promise<{ id: number; code: string }> {
  const code = generateCampaignCode();
  const { school, owner } = await arrangeDemoParcours(readContent().parcours.find((item) => item.id === PARCOURS_ID)!);
  for (const student of fixtureStudents) {
    if (student.siecle) await ensureSiecleLearner(school.id, student.siecle);
  }
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.id,
    name: `${title} ${code}`,
    code,
    targetProfileId: PARCOURS_ID,
    division: options.division ?? null,
    title,
    snapshot: snapshotFor(PARCOURS_ID),
  });
  return { id: campaign.id, code };
}

/** ENT démo sign-in (the stand-in's page), then the médiacentre. */
export async function signInToEnt(page: Page, student: FixtureStudent): Promise<void> {
  await page.goto(`${garBaseUrl}/ent`);
  if (page.url().endsWith("/ent/mediacentre")) {
    await page.getByRole("button", { name: "Se déconnecter de l'ENT" }).click();
  }
  await page.locator(`button[name="key"][value="${student.key}"]`).click();
  await expect(page.getByRole("heading", { name: "Médiacentre" })).toBeVisible();
}

export async function openPixFromMediacentre(page: Page): Promise<void> {
  await page.getByRole("link", { name: /^Pix/ }).click();
}

export async function typeCampaignCode(page: Page, code: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Rejoindre un parcours" })).toBeVisible();
  await page.getByLabel("Code du parcours").fill(code);
  await page.getByRole("button", { name: "Accéder au parcours" }).click();
}

export async function typeBirthdate(page: Page, isoDate: string): Promise<void> {
  const [year, month, day] = isoDate.split("-");
  await page.getByLabel("Jour").fill(day!);
  await page.getByLabel("Mois").fill(month!);
  await page.getByLabel("Année").fill(year!);
  const submit = page.getByRole("button", { name: "C'est parti !" });
  // Wait for the action's answer and for the form to settle (re-enabled, reset to what was typed):
  // a same-text alert left by the previous attempt would otherwise let the next attempt type into
  // a form that is still being reset.
  const answered = page.waitForResponse((response) => response.request().method() === "POST");
  await submit.click();
  await answered;
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll("button[type=submit]")].find((candidate) =>
      candidate.textContent?.includes("C'est parti"),
    );
    return !button || !(button as HTMLButtonElement).disabled;
  });
}

/** The page's own message (Next's route announcer is an empty role="alert" too). */
export function pageAlert(page: Page) {
  return page.locator('main [role="alert"]');
}
