import { findFixtureStudent } from "../gar/students";
import { appBaseUrl, axeViolations, DEMO_MEMBER, expect, test, withDb } from "./fixtures";
import { signInWithForm } from "./pages/staff";
import {
  arrangeDemoCampaign,
  openPixFromMediacentre,
  pageAlert,
  signInToEnt,
  typeBirthdate,
  typeCampaignCode,
} from "./pages/student";

/**
 * Issue 9: a pupil blocked by wrong birth dates is shown to the school's staff, who unlock them
 * in one click; the pupil then joins with the right date at once (no 15-minute wait).
 */
test("a teacher unlocks a pupil blocked by wrong birth dates, who then joins", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const campaign = await arrangeDemoCampaign("Parcours à débloquer");
  const pupil = findFixtureStudent("severine-rousseau");

  await signInToEnt(page, pupil);
  await openPixFromMediacentre(page);
  await typeCampaignCode(page, campaign.code);
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await typeBirthdate(page, `2011-02-0${attempt}`);
    await expect(pageAlert(page)).toContainText("Nous ne trouvons pas d'élève");
  }
  // Blocked now, even with the right date.
  await typeBirthdate(page, pupil.birthdate);
  await expect(pageAlert(page)).toContainText(
    "Trop d'essais. Demandez à votre professeur de vous débloquer, ou réessayez dans 15 minutes.",
  );

  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInWithForm(teacher, DEMO_MEMBER.email, DEMO_MEMBER.password);
  await expect(teacher.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await teacher.goto(`/orga/campagnes/${campaign.id}`);
  const panel = teacher.getByRole("region", { name: "1 élève bloqué" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`${pupil.firstName} ${pupil.lastName}`);
  expect(await axeViolations(teacher, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] })).toEqual([]);

  // The Élèves page lists them too, and flags the learner their GAR names fit.
  await teacher.goto(`/orga/eleves?q=${encodeURIComponent(pupil.siecle!.lastName)}`);
  await expect(teacher.getByRole("region", { name: "Élèves bloqués" })).toContainText(
    `${pupil.firstName} ${pupil.lastName}`,
  );
  await expect(
    teacher.getByRole("row").filter({ hasText: pupil.siecle!.firstName }).getByText("Bloqué (dates de naissance)"),
  ).toBeVisible();

  await teacher.goto(`/orga/campagnes/${campaign.id}`);
  await teacher.getByRole("button", { name: `Débloquer ${pupil.firstName} ${pupil.lastName}` }).click();
  await expect(
    teacher.getByRole("main").getByRole("status").filter({ hasText: "L'élève a été débloqué" }),
  ).toBeVisible();
  await expect(teacher.getByRole("button", { name: `Débloquer ${pupil.firstName} ${pupil.lastName}` })).toHaveCount(0);
  await teacherContext.close();

  // The pupil retries at once with the right date and starts the campaign.
  await typeBirthdate(page, pupil.birthdate);
  await expect(page.getByRole("heading", { name: "Conditions d'utilisation de Pix" })).toBeVisible();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(`${appBaseUrl}/campagnes/${campaign.code}/demarrer`);

  // The unlock is audited with ids only.
  const audit = await withDb(
    async (db) =>
      (
        await db.query<{ data: unknown }>(
          "SELECT data FROM audit_logs WHERE action = 'student.unlocked' ORDER BY id DESC LIMIT 1",
        )
      ).rows[0],
  );
  expect(JSON.stringify(audit)).not.toContain(pupil.lastName);
});
