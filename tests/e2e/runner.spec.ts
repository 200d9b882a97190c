import type { Page } from "@playwright/test";

import { readContent } from "../../content/load-content";
import { generateCampaignCode } from "../../src/features/campaigns/domain/campaign-code";
import type { CampaignSnapshot, ChallengeSnapshot } from "../../src/features/parcours/types";
import { arrangeDemoParcours, axeViolations, expect, signInAs, test, withDb } from "./fixtures";
import { chooseNextChallenge } from "../../src/features/parcours/domain/adaptive";
import { startParticipation } from "../../src/features/runner/mutations";
import { createCampaign } from "../factories/campaigns";
import { createGarStudentUser, createLearner } from "../factories/learners";
import { snapshotFor } from "../support/content-snapshot";

/**
 * The runner part of the student journey: start, answer half, leave, come back, finish, see the
 * results, share them. The ENT sign-in in front of it is covered by the GAR journey; here the
 * student's session is written directly.
 */

const PARCOURS_ID = "rentree-6e";
let sequence = 0;

/** A campaign of the demo school and a GAR student already in it. */
async function arrangeStudentInCampaign(options: { landingText?: string } = {}) {
  const n = `${Date.now()}${++sequence}`;
  const snapshot = snapshotFor(PARCOURS_ID);
  const code = generateCampaignCode();
  const { school, owner } = await arrangeDemoParcours(readContent().parcours.find((item) => item.id === PARCOURS_ID)!);
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.id,
    name: `Parcours de rentrée — 6E B ${n}`,
    code,
    targetProfileId: PARCOURS_ID,
    division: "6E B",
    title: "Parcours de rentrée",
    customLandingText: options.landingText ?? null,
    snapshot,
  });
  const user = await createGarStudentUser({ garId: `IDO-E2E-RUNNER-${n}`, firstName: "Maëlys", lastName: "BERTHELOT" });
  const learner = await createLearner(school.id, {
    nationalStudentId: `E2E${n.slice(-7)}K`,
    firstName: "Maëlys",
    lastName: "BERTHELOT",
    birthdate: "2014-05-12",
    division: "6E B",
    userId: user.id,
  });
  const { participationId } = await startParticipation({
    campaignId: campaign.id,
    learnerId: learner.id,
    userId: user.id,
  });
  return { code, userId: user.id, campaignId: campaign.id, schoolId: school.id, participationId, snapshot };
}

/** Another student of the same class joins the same campaign. */
async function arrangeClassmate(schoolId: number, campaignId: number, index: number) {
  const n = `${Date.now()}${++sequence}`;
  const user = await createGarStudentUser({
    garId: `IDO-E2E-CLASSMATE-${n}`,
    firstName: `Élève${index}`,
    lastName: "MARTIN",
  });
  const learner = await createLearner(schoolId, {
    nationalStudentId: `E2F${n.slice(-7)}K`,
    firstName: `Élève${index}`,
    lastName: "MARTIN",
    birthdate: "2014-03-02",
    division: "6E B",
    userId: user.id,
  });
  const { participationId } = await startParticipation({ campaignId, learnerId: learner.id, userId: user.id });
  return { userId: user.id, participationId };
}

async function currentChallenge(page: Page, snapshot: CampaignSnapshot): Promise<ChallengeSnapshot> {
  const id = await page.locator('input[name="challengeId"]').inputValue();
  return snapshot.challenges.find((challenge) => challenge.id === id)!;
}

/** Answers the question on screen, right or not, with the mouse like most students. */
async function answer(page: Page, challenge: ChallengeSnapshot, right: boolean) {
  if (challenge.type === "QROC") {
    await page.getByLabel("Votre réponse").fill(right ? challenge.answerKey[0]! : "je ne sais pas");
  } else if (challenge.type === "QROCM") {
    for (const field of challenge.proposals)
      await page
        .getByLabel(field.label, { exact: true })
        .fill(right ? challenge.fieldAnswers![field.id]![0]! : "je ne sais pas");
  } else if (challenge.type === "QCU_IMAGE") {
    const id = right
      ? challenge.answerKey[0]!
      : challenge.proposals.find((p) => !challenge.answerKey.includes(p.id))!.id;
    await page.locator(`input[name="choice"][value="${id}"]`).check();
  } else {
    const ids = right
      ? challenge.answerKey
      : [challenge.proposals.find((proposal) => !challenge.answerKey.includes(proposal.id))!.id];
    for (const id of ids)
      await page.getByLabel(challenge.proposals.find((proposal) => proposal.id === id)!.label, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Je valide" }).click();
}

async function expectQuestionNumber(page: Page, n: number) {
  await expect(page.getByText(new RegExp(`^Question ${n} sur environ \\d+$`))).toBeVisible();
}

test("a student answers half, leaves, comes back exactly where they were, finishes and shares", async ({
  page,
  context,
}) => {
  const { code, userId, campaignId, snapshot } = await arrangeStudentInCampaign({
    landingText: "Bonne rentrée à tous ! Prenez votre temps.",
  });
  await signInAs(context, { userId, kind: "STUDENT" });

  await page.goto(`/campagnes/${code}/demarrer`);
  await expect(page.getByRole("heading", { level: 1, name: "Parcours de rentrée" })).toBeVisible();
  await expect(page.getByText("Bonne rentrée à tous ! Prenez votre temps.")).toBeVisible();
  await expect(
    page.getByText("Vous pouvez vous arrêter à tout moment et reprendre plus tard depuis l'ENT."),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Commencer" }).click();

  // An empty answer is refused in words, and nothing moves.
  await expectQuestionNumber(page, 1);
  await expect(page.getByRole("progressbar", { name: /Question 1 sur environ/ })).toBeVisible();
  await page.getByRole("button", { name: "Je valide" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /(Choisissez|Écrivez) une réponse, ou cliquez sur «\sJe passe\s»/ }),
  ).toBeVisible();
  await expectQuestionNumber(page, 1);
  expect(await axeViolations(page)).toEqual([]);

  // Half of the campaign: right, wrong, skip in turn.
  const seen: string[] = [];
  for (let n = 1; n <= 5; n++) {
    await expectQuestionNumber(page, n);
    const challenge = await currentChallenge(page, snapshot);
    seen.push(challenge.id);
    if (n % 3 === 0) await page.getByRole("button", { name: "Je passe" }).click();
    else await answer(page, challenge, n % 3 === 1);
    await expect(page.locator('input[name="challengeId"]')).not.toHaveValue(challenge.id);
  }
  const nextBeforeLeaving = (await currentChallenge(page, snapshot)).id;
  await page.close();

  // Back later, in a new tab: the start page offers to resume, at exactly the next question.
  const again = await context.newPage();
  await again.goto(`/campagnes/${code}/demarrer`);
  await expect(again.getByText("Vous avez déjà répondu à 5 questions.")).toBeVisible();
  await again.getByRole("link", { name: "Reprendre" }).click();
  await expectQuestionNumber(again, 6);
  expect((await currentChallenge(again, snapshot)).id).toBe(nextBeforeLeaving);

  // The rest, all right, with the keyboard only for the first one.
  await again.keyboard.press("Tab");
  const first = await currentChallenge(again, snapshot);
  if (first.type === "QROC") {
    await again.keyboard.type(first.answerKey[0]!);
  } else {
    // Focus is on the statement; Tab reaches the first proposal, Space ticks, arrows move.
    // Choices are shown in an order of their own for each participation: read it from the page.
    const shown = await again
      .locator('input[name="choice"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect([...shown].sort()).toEqual(first.proposals.map((proposal) => proposal.id).sort());
    const targetIndex = shown.indexOf(first.answerKey[0]!);
    if (first.type === "QCU") {
      for (let i = 0; i < targetIndex; i++) await again.keyboard.press("ArrowDown");
      await again.keyboard.press("Space");
    } else {
      for (const [index, id] of shown.entries()) {
        if (first.answerKey.includes(id)) await again.keyboard.press("Space");
        if (index < shown.length - 1) await again.keyboard.press("Tab");
      }
    }
  }
  await again.keyboard.press("Enter");
  await expect(again.locator('input[name="challengeId"]')).not.toHaveValue(first.id);
  expect(
    await withDb(
      async (db) =>
        (
          await db.query(
            "SELECT result FROM answers a JOIN participations p ON p.id = a.participation_id WHERE p.campaign_id = $1 AND a.challenge_id = $2",
            [campaignId, first.id],
          )
        ).rows[0]?.result,
    ),
  ).toBe("OK");

  for (let guard = 0; guard < snapshot.challenges.length; guard++) {
    if (await again.getByRole("heading", { level: 1, name: "Vos résultats" }).isVisible()) break;
    const challenge = await currentChallenge(again, snapshot);
    await answer(again, challenge, true);
    await expect(again.locator(`input[name="challengeId"][value="${challenge.id}"]`)).toHaveCount(0);
  }

  // Results: overall, per competence, what was missed and why.
  await expect(again).toHaveURL(new RegExp(`/campagnes/${code}/resultats$`));
  await expect(again.getByRole("heading", { level: 1, name: "Vos résultats" })).toBeVisible();
  await expect(again.getByText(/^\d+\s%$/)).toBeVisible();
  const competenceItems = again.getByRole("region", { name: "Par compétence" }).getByRole("listitem");
  await expect(competenceItems).toHaveCount(6);
  const missed = again.getByRole("region", { name: "Les questions à revoir" }).getByRole("listitem");
  await expect(missed).toHaveCount(3);
  await expect(missed.first()).toContainText("Explication :");
  await expect(again.getByText("Vous avez passé cette question.")).toBeVisible();
  expect(await axeViolations(again)).toEqual([]);

  const before = await withDb(
    async (db) =>
      (await db.query("SELECT status, mastery_rate FROM participations WHERE campaign_id = $1", [campaignId])).rows[0],
  );
  expect(before.status).toBe("TO_SHARE");

  await again.getByRole("button", { name: "Envoyer mes résultats à mon établissement" }).click();
  const today = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).format(new Date());
  await expect(again.getByText(`Résultats envoyés le ${today}.`)).toBeVisible();
  await expect(again.getByRole("button", { name: "Envoyer mes résultats à mon établissement" })).toHaveCount(0);
  const after = await withDb(
    async (db) =>
      (
        await db.query("SELECT status, mastery_rate, shared_at FROM participations WHERE campaign_id = $1", [
          campaignId,
        ])
      ).rows[0],
  );
  expect(after).toMatchObject({ status: "SHARED", mastery_rate: before.mastery_rate });

  // Finished campaigns send the student to the results, never back to a question.
  await again.goto(`/campagnes/${code}/question`);
  await expect(again).toHaveURL(new RegExp(`/campagnes/${code}/resultats$`));
  expect(new Set(seen).size).toBe(5);
});

test("the runner works without JavaScript and on a phone screen", async ({ browser }) => {
  const { code, userId, snapshot } = await arrangeStudentInCampaign();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    locale: "fr-FR",
  });
  await signInAs(context, { userId, kind: "STUDENT" });
  const page = await context.newPage();

  await page.goto(`/campagnes/${code}/question`);
  await expectQuestionNumber(page, 1);
  const first = await currentChallenge(page, snapshot);
  await answer(page, first, true);
  await expectQuestionNumber(page, 2);
  await page.getByRole("button", { name: "Je passe" }).click();
  await expectQuestionNumber(page, 3);

  // Nothing wider than the phone, and touch targets of at least 44 px.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const button of await page.getByRole("button").all()) {
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await context.close();
});

test("a student cannot open someone else's campaign pages", async ({ page, context }) => {
  const { code } = await arrangeStudentInCampaign();
  const stranger = await arrangeStudentInCampaign();
  await signInAs(context, { userId: stranger.userId, kind: "STUDENT" });
  // Not in this campaign: sent to its entry page (ENT sign-in / joining), never shown a question.
  await page.goto(`/campagnes/${code}/question`);
  await expect(page).not.toHaveURL(/\/question$/);
  await expect(page.locator('input[name="challengeId"]')).toHaveCount(0);
});

test("two students of one class get different variants of the same skill, each the same on every reload", async ({
  browser,
}) => {
  const first = await arrangeStudentInCampaign();
  const expectedFirst = chooseNextChallenge(first.snapshot, [], first.participationId)!;
  // Classmates join until one draws another variant of that first skill (the next one to join, or
  // the one after: ids are taken in turn inside blocks of as many ids as the skill has variants).
  let other: { userId: number; participationId: number } | null = null;
  let expectedOther: ChallengeSnapshot | null = null;
  for (let index = 0; index < 3 && !other; index += 1) {
    const classmate = await arrangeClassmate(first.schoolId, first.campaignId, index);
    const drawn = chooseNextChallenge(first.snapshot, [], classmate.participationId)!;
    expect(drawn.skill).toBe(expectedFirst.skill);
    if (drawn.id !== expectedFirst.id) [other, expectedOther] = [classmate, drawn];
  }
  expect(other, "a classmate drew another variant").not.toBeNull();

  for (const [student, expected] of [
    [first, expectedFirst],
    [other!, expectedOther!],
  ] as const) {
    const context = await browser.newContext();
    await signInAs(context, { userId: student.userId, kind: "STUDENT" });
    const page = await context.newPage();
    await page.goto(`/campagnes/${first.code}/question`);
    await expect(page.locator('input[name="challengeId"]')).toHaveValue(expected.id);
    const shown = (await page.locator("main").innerText()).replace(/\s+/g, " ");
    expect(shown).toContain(expected.statement.replace(/\s+/g, " ").slice(0, 30));
    await page.reload();
    await expect(page.locator('input[name="challengeId"]')).toHaveValue(expected.id);
    await context.close();
  }
  expect(expectedOther!.statement).not.toBe(expectedFirst.statement);
});
