import { expect, type Page } from "@playwright/test";

import { hashPassword } from "../../../src/lib/password";
import { OUTBOX_ACCESS_KEY } from "../constants";
import { withDb } from "../fixtures";

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
  const passwordHash = await hashPassword(options.password);
  return withDb(async (db) => {
    const { rows: schools } = await db.query<{ id: number }>(
      "SELECT id FROM schools WHERE uai = $1 AND archived_at IS NULL",
      [options.schoolUai],
    );
    const { rows: users } = await db.query<{ id: number }>(
      `INSERT INTO users (first_name, last_name, email, cgu_accepted_at, updated_at) VALUES ($1, $2, $3, now(), now()) RETURNING id`,
      [options.firstName, options.lastName, options.email],
    );
    const userId = users[0]!.id;
    await db.query(
      `INSERT INTO authentication_methods (user_id, provider, password_hash, updated_at) VALUES ($1, 'PASSWORD', $2, now())`,
      [userId, passwordHash],
    );
    await db.query(`INSERT INTO members (school_id, user_id, role, updated_at) VALUES ($1, $2, $3, now())`, [
      schools[0]!.id,
      userId,
      options.role,
    ]);
    return userId;
  });
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
