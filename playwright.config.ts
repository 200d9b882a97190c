import { defineConfig, devices } from "@playwright/test";

import { E2E_GAR_DISTRIBUTOR_ID, OUTBOX_ACCESS_KEY } from "./tests/e2e/constants";

/**
 * Run through `npm run test:e2e` (tests/e2e/run.ts), which prepares a fresh database, free ports
 * and a production build, then sets the E2E_* variables read here.
 */
const appPort = Number(process.env.E2E_APP_PORT ?? 3100);
const garPort = Number(process.env.E2E_GAR_PORT ?? 4100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? "";
export const appBaseUrl = `http://localhost:${appPort}`;
const garClientSecret = "e2e-gar-client-secret-0123456789";
const garWsPort = process.env.E2E_GAR_WS_PORT;
const garDistributorId = E2E_GAR_DISTRIBUTOR_ID;
// The subscription web service stand-in (mutual TLS), when tests/e2e/run.ts generated its PKI.
const garWsPki = process.env.E2E_GAR_WS_PKI
  ? (JSON.parse(process.env.E2E_GAR_WS_PKI) as { ca: { cert: string } })
  : null;

// The app server must not inherit the react-server condition the test process runs with.
const serverEnv: Record<string, string> = {
  NODE_OPTIONS: "",
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  APP_BASE_URL: appBaseUrl,
  SESSION_SECRET: "e2e-session-secret-0123456789-abcdefghijklmnop",
  ENABLE_DEV_PAGES: "1",
  OUTBOX_ACCESS_KEY,
  E2E_GAR_PORT: String(garPort),
  LEGAL_PUBLISHER: "GIP Pix (démonstration e2e), 75000 Paris",
  LEGAL_PUBLICATION_DIRECTOR: "Camille Martin, directrice",
  PRIVACY_CONTACT: "dpo@pix-orga.localhost",
  SUPPORT_CONTACT: "support@pix-orga.localhost",
  // The GAR is the local stand-in (tests/gar), started below; the secret is shared with it.
  GAR_ISSUER: `http://localhost:${garPort}`,
  GAR_CLIENT_SECRET: garClientSecret,
  // OIDC unless tests/e2e/run.ts runs the SAML spec (it generates the SP key pair then).
  GAR_PROTOCOL: process.env.E2E_GAR_PROTOCOL === "saml" ? "saml" : "oidc",
  GAR_SAML_IDP_METADATA: `http://localhost:${garPort}/saml/metadata`,
  ...(process.env.E2E_SAML_SP_KEY ? { GAR_SAML_SP_KEY: process.env.E2E_SAML_SP_KEY } : {}),
  ...(process.env.E2E_SAML_SP_CERT ? { GAR_SAML_SP_CERT: process.env.E2E_SAML_SP_CERT } : {}),
  ...(garWsPki && garWsPort
    ? {
        GAR_WS_URL: `https://localhost:${garWsPort}/abonnements`,
        GAR_WS_CERT: process.env.E2E_GAR_WS_CLIENT_CERT ?? "",
        GAR_WS_KEY: process.env.E2E_GAR_WS_CLIENT_KEY ?? "",
        GAR_WS_CA: garWsPki.ca.cert,
        GAR_DISTRIBUTOR_ID: garDistributorId,
      }
    : {}),
};

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: appBaseUrl,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      // The production server (scripts/serve.ts): client address, Origin check, HSTS, then Next.
      command: `node node_modules/tsx/dist/cli.mjs scripts/serve.ts --port ${appPort}`,
      url: `${appBaseUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The GAR/ENT stand-in: a real OpenID provider the app reaches over HTTP.
      command: "node node_modules/tsx/dist/cli.mjs tests/gar/server.ts",
      url: `http://localhost:${garPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        NODE_OPTIONS: "",
        NODE_ENV: "test",
        GAR_STAND_IN_PORT: String(garPort),
        APP_BASE_URL: appBaseUrl,
        GAR_CLIENT_SECRET: garClientSecret,
        ...(process.env.E2E_SAML_SP_CERT ? { GAR_STAND_IN_SP_CERT: process.env.E2E_SAML_SP_CERT } : {}),
        ...(process.env.E2E_GAR_WS_PKI && garWsPort
          ? {
              GAR_STAND_IN_WS_PKI: process.env.E2E_GAR_WS_PKI,
              GAR_STAND_IN_WS_PORT: garWsPort,
              GAR_DISTRIBUTOR_ID: garDistributorId,
            }
          : {}),
      },
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
