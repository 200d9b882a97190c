import type { Page, Response } from "@playwright/test";

import { findFixtureStudent } from "../gar/students";
import { appBaseUrl, DEMO_SCHOOL, expect, test, withDb } from "../e2e/fixtures";
import { createStaffMember, formAlert, signInWithForm, unique } from "../e2e/pages/staff";
import {
  arrangeDemoCampaign,
  openPixFromMediacentre,
  signInToEnt,
  typeBirthdate,
  typeCampaignCode,
} from "../e2e/pages/student";

/**
 * Two app workers behind HAProxy (`npm run serve` with WEB_CONCURRENCY=2, playwright.scale.config.ts):
 * one browser's requests land on both, and what must be shared between instances is — the pending
 * GAR sign-in and the session (a student onboards across both), the throttles and the staff lockout
 * (counted once, whichever worker answers), the client address (set by the proxy, never by the client).
 */

/** Which worker answered each of our origin's responses (HAProxy's X-Pix-Instance, test-only). */
function recordInstances(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on("response", (response: Response) => {
    if (!response.url().startsWith(appBaseUrl)) return;
    const instance = response.headers()["x-pix-instance"];
    if (instance) seen.add(instance);
  });
  return seen;
}

test("a student onboards and comes back with requests answered by both workers", async ({ page }) => {
  const seen = recordInstances(page);
  const { code } = await arrangeDemoCampaign("Parcours à deux instances");
  const student = findFixtureStudent("ines-berthelot");

  await signInToEnt(page, student);
  await openPixFromMediacentre(page);
  await typeCampaignCode(page, code);
  await typeBirthdate(page, student.birthdate);
  await expect(page.getByRole("heading", { name: "Conditions d'utilisation de Pix" })).toBeVisible();
  await page.getByRole("button", { name: "J'accepte les conditions d'utilisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/campagnes/${code}`));

  const linked = await withDb(async (db) =>
    Number(
      (
        await db.query<{ count: string }>(
          `SELECT count(*) FROM learners l JOIN schools s ON s.id = l.school_id
           WHERE s.uai = $1 AND l.national_student_id = $2 AND l.user_id IS NOT NULL`,
          [DEMO_SCHOOL.uai, student.siecle!.nationalStudentId],
        )
      ).rows[0]!.count,
    ),
  );
  expect(linked).toBe(1);

  // Back through the ENT with no code: the GAR account is found, whichever worker answers.
  await page.goto("/");
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("heading", { name: "Bienvenue sur Pix" })).toBeVisible();
  await page.goto(`http://localhost:${process.env.E2E_GAR_PORT}/ent/mediacentre`);
  await openPixFromMediacentre(page);
  await expect(page.getByRole("heading", { name: "Mes parcours" })).toBeVisible();

  expect([...seen].sort()).toEqual(["app1", "app2"]);
});

test("the staff lockout counts every wrong password once, whichever worker answers", async ({ page }) => {
  test.setTimeout(120_000);
  const seen = recordInstances(page);
  const id = unique();
  const email = `deux.instances.${id}@college-e2e.fr`;
  await createStaffMember({
    schoolUai: DEMO_SCHOOL.uai,
    email,
    password: "Le bon mot de passe",
    role: "MEMBER",
    firstName: "Paul",
    lastName: `Réparti${id}`,
  });
  for (let attempt = 1; attempt <= 9; attempt += 1) {
    await signInWithForm(page, email, `mauvais ${attempt}`);
    await expect(formAlert(page)).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  }
  await signInWithForm(page, email, "mauvais 10");
  await expect(formAlert(page)).toContainText("temporairement bloqué après 10 tentatives");
  await signInWithForm(page, email, "Le bon mot de passe");
  await expect(formAlert(page)).toContainText("temporairement bloqué");
  expect([...seen].sort()).toEqual(["app1", "app2"]);
});

test("the proxy sets the client address: an X-Forwarded-For sent by the client is not believed", async ({
  request,
}) => {
  // The local outbox is for loopback clients only; a client claiming to be elsewhere is still the
  // loopback client it is, and one claiming to be the loopback from elsewhere would not get in.
  const spoofed = await request.get("/dev/outbox", { headers: { "X-Forwarded-For": "203.0.113.7" } });
  expect(spoofed.status()).toBe(200);
  const health = await request.get("/api/health", { headers: { "Accept-Encoding": "gzip" } });
  expect(health.status()).toBe(200);
});

test("the proxy compresses once; static assets are immutable", async ({ page, request }) => {
  const home = await request.get("/", { headers: { "Accept-Encoding": "gzip" } });
  expect(home.headers()["content-encoding"]).toBe("gzip");
  const assets: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/_next/static/")) assets.push(response.url());
  });
  await page.goto("/");
  expect(assets.length).toBeGreaterThan(0);
  const asset = await request.get(assets[0]!, { headers: { "Accept-Encoding": "gzip" } });
  expect(asset.headers()["cache-control"]).toContain("immutable");
  expect(asset.headers()["cache-control"]).toContain("max-age=31536000");
});

test("the onboarding benchmark (a small class at once) runs with no error through the load balancer", async () => {
  test.setTimeout(120_000);
  const { spawnSync } = await import("node:child_process");
  const path = await import("node:path");
  const result = spawnSync(
    process.execPath,
    [
      path.resolve("node_modules/tsx/dist/cli.mjs"),
      "--conditions=react-server",
      "bench/onboarding.ts",
      "--students",
      "12",
      "--app",
      appBaseUrl,
      "--gar",
      `http://localhost:${process.env.E2E_GAR_PORT}`,
    ],
    { env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.E2E_DATABASE_URL }, encoding: "utf8" },
  );
  expect(result.stdout).toContain("Erreurs : 0");
  expect(result.status, result.stderr).toBe(0);
});
