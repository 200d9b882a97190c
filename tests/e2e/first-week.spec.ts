import { DEMO_ADMIN, expect, signInAs, test } from "./fixtures";
import { arrangeDemoCampaign } from "./pages/student";

/** Small defects a school meets in its first week (issue 12), each checked on the page. */

test("every page has our icon, and the home page starts no GAR sign-in before the student clicks", async ({ page }) => {
  const signInRequests: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/gar/connexion")) signInRequests.push(request.url());
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Se connecter depuis mon ENT" })).toBeVisible();
  const icon = page.locator('link[rel="icon"]').first();
  const href = await icon.getAttribute("href");
  expect(href).toBeTruthy();
  expect((await page.request.get(href!)).status()).toBe(200);
  // Give Next's viewport prefetching the time it takes on a quiet page.
  await page.waitForTimeout(1500);
  expect(signInRequests).toEqual([]);
});

test("the Classes page does not render every class's pages in the background", async ({ page, context }) => {
  await arrangeDemoCampaign("Parcours de rentrée", { division: "6E B" }); // the demo base's classes, one with a campaign
  await signInAs(context, { email: DEMO_ADMIN.email });
  const prefetches: string[] = [];
  page.on("request", (request) => {
    const headers = request.headers();
    if (headers["next-router-prefetch"] || headers["rsc"]) {
      const url = new URL(request.url());
      prefetches.push(`${url.pathname}${url.search}`);
    }
  });
  await page.goto("/orga/classes");
  await expect(page.getByRole("heading", { level: 1, name: "Classes" })).toBeVisible();
  await expect(page.getByRole("link", { name: /6E B/ }).first()).toBeVisible();
  await page.waitForTimeout(1500);
  // The shell's navigation and the page's main buttons may be prefetched; one link per class row may not.
  expect(prefetches.some((path) => path.startsWith("/orga/eleves"))).toBe(true);
  expect(prefetches.filter((path) => /division=|classe=|\/orga\/campagnes\/\d/.test(path))).toEqual([]);
});
