import { axeViolations, DEMO_ADMIN, expect, signInAs, test } from "./fixtures";

test("the student home, Pix Orga and the health check answer in a real browser", async ({ page, context }) => {
  const health = await page.request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });

  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Not signed in: /orga, the address schools are given, is the sign-in page itself (no redirect).
  const orga = await page.goto("/orga");
  expect(orga?.status()).toBe(200);
  expect(orga?.request().redirectedFrom()).toBeNull();
  await expect(page).toHaveURL(/\/orga$/);
  await expect(page.getByLabel("Adresse e-mail")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await signInAs(context, { email: DEMO_ADMIN.email });
  await page.goto("/orga");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(page.getByText("Collège Jean Moulin — démo")).toBeVisible();
});

test("unknown pages get the French 404 page", async ({ page }) => {
  const response = await page.goto("/cette-page-n-existe-pas");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
});

test("every response keeps the browser on our origin (CSP)", async ({ page }) => {
  const response = await page.goto("/");
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
});
