import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

// The test process arranges data with tests/factories (Prisma) in the database the app under test
// uses: `@/lib/db` reads DATABASE_URL on first use, after this line.
process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;

import { prisma } from "../../src/lib/db";
import { createSessionRecord } from "../../src/lib/session-store";
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL } from "../../prisma/demo-accounts";
import { schoolByUai, userByEmail } from "../factories/schools";

export { DEMO_ADMIN, DEMO_MEMBER, DEMO_SCHOOL };

const appBaseUrl = `http://localhost:${process.env.E2E_APP_PORT ?? 3100}`;

/** Direct SQL access to the e2e database, for checking outcomes (arrange data with tests/factories). */
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
  const userId = options.userId ?? (await userByEmail(options.email ?? "")).id;
  const membership = await prisma.member.findFirst({ where: { userId }, orderBy: { id: "asc" } });
  const { token } = await createSessionRecord({
    userId,
    kind: options.kind ?? "STAFF",
    currentSchoolId: membership?.schoolId ?? null,
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
export async function arrangeDemoParcours(parcours: {
  id: string;
  name: string;
  description: string;
  durationMinutes: number;
  competenceIds: string[];
}) {
  const { id, name, description, durationMinutes, competenceIds } = parcours;
  await prisma.targetProfile.upsert({
    where: { id },
    update: {},
    create: { id, name, description, durationMinutes, competenceIds },
  });
  return { school: await schoolByUai(DEMO_SCHOOL.uai), owner: await userByEmail(DEMO_ADMIN.email) };
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
