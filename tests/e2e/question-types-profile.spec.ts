import { readContent } from "../../content/load-content";
import { generateCampaignCode } from "../../src/features/campaigns/domain/campaign-code";
import { buildCampaignSnapshot } from "../../src/features/parcours/data";
import { chooseNextChallenge } from "../../src/features/parcours/domain/adaptive";
import type { CampaignSnapshot, ChallengeSnapshot } from "../../src/features/parcours/types";
import type { RawSubmission } from "../../src/features/runner/domain/submission";
import { startParticipation, submitAnswer } from "../../src/features/runner/mutations";
import { prisma } from "../../src/lib/db";
import { createCampaign } from "../factories/campaigns";
import { createGarStudentUser, createLearner } from "../factories/learners";
import { DEMO_ADMIN, arrangeDemoParcours, axeViolations, expect, signInAs, test } from "./fixtures";

/**
 * The two newer question types in a real browser — a QROCM (several labelled fields) and a
 * choice among images — answered with the keyboard, their explanations on the results page, then
 * *Mon profil* with the level the campaign measured. The campaign's snapshot holds three skills
 * of competence 3.4 (levels 3, 6, 7) with one variant each, so the path is known: the middle
 * level first (the QROCM at 6), a miss sends the student down to the image question at 3.
 */

const PARCOURS_ID = "positionnement-16-competences";
let sequence = 0;

function questionTypesSnapshot(): CampaignSnapshot {
  const content = readContent();
  const ids = ["3.4-boucle-hexagone", "3.4-boucle-suivi", "3.4-fonction-appels"];
  return {
    targetProfileId: PARCOURS_ID,
    competences: [content.competences.find((competence) => competence.id === "3.4")!],
    challenges: ids.map((id) => content.challenges.find((challenge) => challenge.id === id)!),
  };
}

async function arrangeStudent() {
  const n = `${Date.now()}${++sequence}`;
  const { school, owner } = await arrangeDemoParcours(readContent().parcours.find((item) => item.id === PARCOURS_ID)!);
  const code = generateCampaignCode();
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.id,
    name: `Programmer — 4E A ${n}`,
    code,
    targetProfileId: PARCOURS_ID,
    division: "4E A",
    title: "Programmer",
    snapshot: questionTypesSnapshot(),
  });
  const user = await createGarStudentUser({ garId: `IDO-E2E-TYPES-${n}`, firstName: "Inès", lastName: "MOREAU" });
  const learner = await createLearner(school.id, {
    nationalStudentId: `E2T${n.slice(-7)}K`,
    firstName: "Inès",
    lastName: "MOREAU",
    birthdate: "2012-02-14",
    division: "4E A",
    userId: user.id,
  });
  const { participationId } = await startParticipation({
    campaignId: campaign.id,
    learnerId: learner.id,
    userId: user.id,
  });
  return { code, userId: user.id, campaignId: campaign.id, participationId };
}

test("a student answers a QROCM and an image question with the keyboard, reads the explanations, then sees the level in Mon profil", async ({
  page,
  context,
  browser,
}) => {
  const { code, userId, campaignId, participationId } = await arrangeStudent();
  await signInAs(context, { userId, kind: "STUDENT" });

  // Before any campaign, the profile says it is empty (once the terms are accepted, as on any student page).
  await page.goto("/profil");
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(/\/profil$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mon profil" })).toBeVisible();
  await expect(page.getByText(/Votre profil est encore vide/)).toBeVisible();

  await page.goto(`/campagnes/${code}/question`);

  // The QROCM: one labelled field per blank, in a group that says what to do.
  const group = page.getByRole("group", { name: "Remplissez chaque champ." });
  await expect(group).toBeVisible();
  const second = page.getByRole("textbox", { name: "Valeur de n après le deuxième passage dans la boucle" });
  const passes = page.getByRole("textbox", { name: "Nombre de passages dans la boucle" });
  const last = page.getByRole("textbox", { name: "Valeur de n à la fin du programme" });
  expect(await axeViolations(page)).toEqual([]);

  // Keyboard only: focus starts on the statement; Tab reaches the fields in order.
  await page.keyboard.press("Tab");
  await expect(second).toBeFocused();
  await page.keyboard.type("12");
  await page.keyboard.press("Tab");
  await expect(passes).toBeFocused();
  await page.keyboard.type("5");
  // The last field left empty: refused in words, naming the field; what was typed stays.
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("alert").filter({ hasText: /Remplissez le champ «\sValeur de n à la fin du programme\s»/ }),
  ).toBeVisible();
  await expect(second).toHaveValue("12");
  await expect(passes).toHaveValue("5");
  await expect(last).toHaveAttribute("aria-invalid", "true");
  expect(await axeViolations(page)).toEqual([]);

  // One field wrong: the whole question is wrong.
  await last.fill("48");
  await last.press("Enter");

  // Down to level 3: the choice among images, like a QCU, by keyboard.
  const images = page.getByRole("group", { name: "Choisissez une image." });
  await expect(images).toBeVisible();
  await expect(page.getByRole("img", { name: "Un hexagone : six côtés de même longueur" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const hexagon = page.getByRole("radio", { name: /Un hexagone : six côtés de même longueur/ });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio").first()).toBeFocused();
  // Arrow keys move within the group until the hexagon is chosen.
  for (let step = 0; step < 3 && !(await hexagon.isChecked()); step++) await page.keyboard.press("ArrowDown");
  await expect(hexagon).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Je valide" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Results: the QROCM explained field by field, the image question right.
  await expect(page).toHaveURL(new RegExp(`/campagnes/${code}/resultats$`));
  await expect(page.getByRole("heading", { level: 1, name: "Vos résultats" })).toBeVisible();
  const fields = page.getByRole("table", { name: "Vos réponses champ par champ" });
  await expect(
    fields.getByRole("row", { name: /Valeur de n à la fin du programme\s+48\s*\(à revoir\)\s+96/ }),
  ).toBeVisible();
  await expect(fields.getByRole("row", { name: /Valeur de n après le deuxième passage.*12 \(juste\)/ })).toBeVisible();
  await expect(page.getByText(/48 est encore inférieur à 50, donc un 5e passage donne 96/)).toBeVisible();
  await expect(page.getByText(/Niveau 3 sur 7/)).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Envoyer mes résultats à mon établissement" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Résultats envoyés le/ })).toBeVisible();

  // Mon profil, from the home page: the level measured, and what to work on next.
  await page.goto("/");
  await page.getByRole("link", { name: /Mon profil/ }).click();
  await expect(page).toHaveURL(/\/profil$/);
  const levels = page.getByRole("table", { name: "Niveau atteint dans chaque compétence" });
  await expect(levels.getByRole("row", { name: /3\.4 Programmer\s+Niveau 3 sur 8/ })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: /Programmer\s: visez le niveau 4\./ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The teacher's view of the shared result shows the QROCM field by field too.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInAs(teacherContext, { email: DEMO_ADMIN.email });
  await teacher.goto(`/orga/campagnes/${campaignId}/participants/${participationId}`);
  await expect(teacher.getByRole("heading", { level: 1, name: "MOREAU Inès" })).toBeVisible();
  const row = teacher.getByRole("row").filter({ hasText: "Suivez le programme pas à pas" });
  await expect(row.getByText("Valeur de n à la fin du programme")).toBeVisible();
  await expect(row.getByText(/48 \(faux\s; attendu\s: 96\)/)).toBeVisible();
  await expect(row.getByText("12 (juste)")).toBeVisible();
  expect(await axeViolations(teacher)).toEqual([]);
  await teacherContext.close();
});

function rightSubmission(challenge: ChallengeSnapshot): RawSubmission {
  if (challenge.type === "QROCM")
    return {
      intent: "answer",
      choices: [],
      fields: challenge.proposals.map((f) => challenge.fieldAnswers![f.id]![0]!),
    };
  if (challenge.type === "QROC") return { intent: "answer", choices: [], text: challenge.answerKey[0] };
  return { intent: "answer", choices: challenge.answerKey };
}

test("a participation started from a known profile: the teacher's Activité tab shows the progress the student's bar shows", async ({
  page,
  context,
  browser,
}) => {
  const n = `${Date.now()}${++sequence}`;
  const parcours = readContent().parcours.find((item) => item.id === "rentree-6e")!;
  const { school, owner } = await arrangeDemoParcours(parcours);
  const snapshot = await buildCampaignSnapshot(prisma, parcours.id);
  const code = generateCampaignCode();
  const campaign = await createCampaign({
    schoolId: school.id,
    ownerId: owner.id,
    name: `Rentrée — 6E P ${n}`,
    code,
    targetProfileId: parcours.id,
    division: "6E P",
    snapshot,
  });
  const user = await createGarStudentUser({ garId: `IDO-E2E-PROGRESS-${n}`, firstName: "Lina", lastName: "PERRIN" });
  const learner = await createLearner(school.id, {
    nationalStudentId: `E2P${n.slice(-7)}K`,
    firstName: "Lina",
    lastName: "PERRIN",
    birthdate: "2014-05-20",
    division: "6E P",
    userId: user.id,
  });
  const { participationId } = await startParticipation({
    campaignId: campaign.id,
    learnerId: learner.id,
    userId: user.id,
  });
  // What Commencer freezes for a student whose profile knows every competence at level 4.
  const known = Object.fromEntries(snapshot.competences.map((competence) => [competence.id, 4]));
  await prisma.participation.update({ where: { id: participationId }, data: { startLevels: known } });
  const answers: { challengeId: string; result: "OK" }[] = [];
  for (let given = 0; given < 2; given += 1) {
    const next = chooseNextChallenge(snapshot, answers, participationId, known)!;
    await submitAnswer({ code, userId: user.id, challengeId: next.id, submission: rightSubmission(next) });
    answers.push({ challengeId: next.id, result: "OK" });
  }

  // The student's bar: « Question 3 sur environ T », two answers given.
  await signInAs(context, { userId: user.id, kind: "STUDENT" });
  await page.goto(`/campagnes/${code}/question`);
  const label = page.locator("#progress-label");
  await expect(label).toHaveText(/Question 3 sur environ \d+/);
  const total = Number((await label.textContent())!.match(/environ (\d+)/)![1]);
  const shownToStudent = Math.round((2 / total) * 100);

  // The teacher reads the same figure in the Activité tab.
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInAs(teacherContext, { email: DEMO_ADMIN.email });
  await teacher.goto(`/orga/campagnes/${campaign.id}`);
  const row = teacher.getByRole("row").filter({ hasText: "PERRIN" });
  await expect(row).toContainText(`${shownToStudent} %`);
  expect(await axeViolations(teacher)).toEqual([]);
  await teacherContext.close();
});
