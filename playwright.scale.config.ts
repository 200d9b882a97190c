import { defineConfig } from "@playwright/test";

import base from "./playwright.config";

/**
 * The scale-out run (tests/scale): the same app and GAR stand-in as playwright.config.ts, but the
 * app is `npm run serve`'s shape — two workers behind HAProxy (scripts/serve-cluster.ts), with the
 * test-only header that says which worker answered. Run by tests/e2e/run.ts after the main suite.
 */
const [app, ...others] = base.webServer as NonNullable<Extract<typeof base.webServer, unknown[]>>;
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);

export default defineConfig({
  ...base,
  testDir: "tests/scale",
  webServer: [
    {
      ...app!,
      command: "node node_modules/tsx/dist/cli.mjs scripts/serve-cluster.ts",
      env: {
        ...app!.env,
        PORT: String(appPort),
        HOST: "127.0.0.1",
        WEB_CONCURRENCY: "2",
        PIX_LB_INSTANCE_HEADER: "1",
      },
    },
    ...others,
  ],
});
