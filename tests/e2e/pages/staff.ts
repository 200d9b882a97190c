import { expect, type Page } from "@playwright/test";

import { createMember, createStaffUser, schoolByUai } from "../../factories/schools";
import { OUTBOX_ACCESS_KEY } from "../constants";

/** Opens the newest link e-mailed to `to`, from the local outbox page, like a person would. */
export async function openLatestLinkTo(page: Page, to: string): Promise<void> {
  await page.goto(`/dev/outbox?cle=${OUTBOX_ACCESS_KEY}`);
  const mail = page
    .locator("article")
    .filter({ has: page.getByTestId("outbox-to").getByText(to, { exact: true }) })
    .first();
  await expect(mail).toBeVisible();
  await mail.getByRole("link").first().click();
}

/** A unique suffix so that journeys never collide on the shared e2e database. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

/** A staff member of an existing school, created directly in the database. */
export async function createStaffMember(options: {
  schoolUai: string;
  email: string;
  password: string;
  role: "ADMIN" | "MEMBER";
  firstName: string;
  lastName: string;
}): Promise<number> {
  const school = await schoolByUai(options.schoolUai);
  const { email, password, firstName, lastName } = options;
  const { id } = await createStaffUser({ email, password, firstName, lastName });
  await createMember({ schoolId: school.id, userId: id, role: options.role });
  return id;
}

/** Fills and submits the staff sign-in form (keyboard only: Enter submits). */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/orga/connexion");
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Mot de passe", { exact: true }).press("Enter");
}

/** The form's error summary (Next's route announcer is an alert too, outside <main>). */
export function formAlert(page: Page) {
  return page.getByRole("main").getByRole("alert");
}
