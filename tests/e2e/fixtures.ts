import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

import { hashToken, randomToken } from "../../src/lib/tokens";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL } from "../../prisma/demo-accounts";

export { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL };

const appBaseUrl = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;

/** Direct SQL access to the e2e database, for arranging data and checking outcomes. */
export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Signs a user in without the UI (epic-stack's `login()`): writes a session row and its cookie.
 * Journeys that test the sign-in itself use the real form.
 */
export async function signInAs(
  context: BrowserContext,
  options: { email?: string; userId?: number; kind?: "STAFF" | "STUDENT" },
): Promise<number> {
  const token = randomToken();
  const userId = await withDb(async (db) => {
    let id = options.userId;
    if (id === undefined) {
      const { rows } = await db.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [
        options.email?.toLowerCase(),
      ]);
      if (!rows[0]) throw new Error(`no user ${options.email}`);
      id = rows[0].id;
    }
    const { rows: schools } = await db.query<{ school_id: number }>(
      "SELECT school_id FROM members WHERE user_id = $1 ORDER BY id LIMIT 1",
      [id],
    );
    await db.query(
      `INSERT INTO sessions (id, user_id, kind, current_school_id, expires_at) VALUES ($1, $2, $3, $4, now() + interval '2 hours')`,
      [hashToken(token), id, options.kind ?? "STAFF", schools[0]?.school_id ?? null],
    );
    return id;
  });
  await context.addCookies([{ name: "pix_session", value: token, url: appBaseUrl, httpOnly: true, sameSite: "Lax" }]);
  return userId;
}

export const test = base;
export { expect, appBaseUrl };

/**
 * The parcours row a campaign refers to (the e2e seed loads content, but a spec may run against a
 * database seeded before a parcours existed), and the demo school with its ADMIN as owner.
 */
export async function arrangeDemoParcours(
  db: pg.Client,
  parcours: { id: string; name: string; description: string; durationMinutes: number; competenceIds: string[] },
) {
  await db.query(
    `INSERT INTO target_profiles (id, name, description, duration_minutes, competence_ids, updated_at)
     VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT (id) DO NOTHING`,
    [parcours.id, parcours.name, parcours.description, parcours.durationMinutes, parcours.competenceIds],
  );
  const school = (
    await db.query<{ id: number }>("SELECT id FROM schools WHERE uai = $1 AND archived_at IS NULL", [DEMO_SCHOOL.uai])
  ).rows[0]!;
  const owner = (await db.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [DEMO_ADMIN.email])).rows[0]!;
  return { school, owner };
}

/**
 * axe-core's violations on the current page. After a server action React re-renders the
 * document head, so the audit waits for the page title to be back rather than catching that
 * instant (a real missing title still fails: the wait times out).
 */
export async function axeViolations(page: Page, options: { tags?: string[] } = {}) {
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  if (options.tags) builder.withTags(options.tags);
  return (await builder.analyze()).violations;
}
