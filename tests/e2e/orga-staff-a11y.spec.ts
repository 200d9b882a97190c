import type { Page } from "@playwright/test";

import { prisma } from "../../src/lib/db";
import { randomToken } from "../../src/lib/tokens";
import { createInvitation, createPasswordResetToken, schoolByUai, userByEmail } from "../factories/schools";
import { axeViolations, DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL, expect, signInAs, test, withDb } from "./fixtures";
import { OUTBOX_ACCESS_KEY } from "./constants";
import { createStaffMember, formAlert, unique } from "./pages/staff";

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
async function expectNoSeriousViolations(page: Page, label: string) {
  const serious = (await axeViolations(page, { tags: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }))
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${label}: ${violation.id} (${violation.impact}) — ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    );
  expect(serious).toEqual([]);
}

test("staff pages before sign-in, including their error states", async ({ page }) => {
  await page.goto("/orga/connexion");
  await expectNoSeriousViolations(page, "connexion");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(formAlert(page)).toBeVisible();
  await expectNoSeriousViolations(page, "connexion (erreurs)");

  await page.goto("/orga/activation");
  await expectNoSeriousViolations(page, "activation");
  await page.getByRole("button", { name: "Recevoir l'invitation" }).click();
  await expect(formAlert(page)).toBeVisible();
  await expectNoSeriousViolations(page, "activation (erreurs)");

  await page.goto("/orga/mot-de-passe-oublie");
  await expectNoSeriousViolations(page, "mot de passe oublié");

  const invitationToken = await createInvitation({
    schoolId: (await schoolByUai(DEMO_SCHOOL.uai)).id,
    email: `a11y.${unique()}@college-e2e.fr`,
  });
  const resetToken = await createPasswordResetToken((await userByEmail(DEMO_MEMBER.email)).id);
  await page.goto(`/orga/invitations/${invitationToken}`);
  await expectNoSeriousViolations(page, "invitation");
  await page.getByRole("button", { name: "Créer mon compte et rejoindre l'établissement" }).click();
  await expect(formAlert(page).first()).toBeVisible();
  await expectNoSeriousViolations(page, "invitation (erreurs)");

  await page.goto(`/orga/reinitialiser/${resetToken}`);
  await expectNoSeriousViolations(page, "réinitialisation");
  await page.goto(`/orga/reinitialiser/${randomToken()}`);
  await expectNoSeriousViolations(page, "réinitialisation (lien invalide)");
});

test("staff pages after sign-in: CGU, Équipe (ADMIN and MEMBER), Mon compte", async ({ page, context, browser }) => {
  const email = `cgu.${unique()}@college-e2e.fr`;
  const userId = await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    email,
    password: "Mot de passe solide 1",
    role: "MEMBER",
    firstName: "Cécile",
    lastName: "Nouvelle",
  });
  await prisma.user.update({ where: { id: userId }, data: { cguAcceptedAt: null } });
  await signInAs(context, { userId });
  await page.goto("/orga/equipe");
  await expect(page).toHaveURL(/\/orga\/cgu$/);
  await expectNoSeriousViolations(page, "cgu");

  const adminContext = await browser.newContext();
  await signInAs(adminContext, { email: DEMO_ADMIN.email });
  const admin = await adminContext.newPage();
  await admin.goto("/orga/equipe");
  await expect(admin.getByRole("heading", { level: 1, name: "Équipe" })).toBeVisible();
  await expectNoSeriousViolations(admin, "équipe (ADMIN)");
  await admin.getByRole("button", { name: "Envoyer les invitations" }).click();
  await expect(formAlert(admin)).toBeVisible();
  await expectNoSeriousViolations(admin, "équipe (erreurs)");
  await admin.goto("/orga/compte");
  await expectNoSeriousViolations(admin, "mon compte");
  await adminContext.close();

  const memberContext = await browser.newContext();
  await signInAs(memberContext, { email: DEMO_MEMBER.email });
  const member = await memberContext.newPage();
  await member.goto("/orga/equipe");
  await expectNoSeriousViolations(member, "équipe (MEMBER)");
  await memberContext.close();

  await page.goto(`/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`);
  await expectNoSeriousViolations(page, "boîte d'envoi");
});
