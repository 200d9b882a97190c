// `npm run test:e2e`: a fresh database (migrated and seeded), free ports, a production build, then
// Playwright against the production server in headless Chromium, then the scale-out run (two
// workers behind HAProxy). `--scale` runs only the latter. Fails loudly when no browser is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { freePort } from "../../src/lib/embedded-postgres";
import { applyMigrations } from "../../src/lib/migrations";
import { generateSamlKeyPair } from "../gar/saml";
import { generateSubscriptionTestPki } from "../gar/tls";
import { createThrowawayDatabase } from "../support/throwaway-database";

const SAML_SPEC = "student-journey-saml.spec.ts";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nAucun navigateur pour les tests de bout en bout : ${chromium} est introuvable.\n` +
      `Installez Chromium (Debian : sudo apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.\n` +
      `(N'utilisez pas \`npx playwright install\` : ces machines ne peuvent pas télécharger de navigateur.)\n`,
  );
  process.exit(1);
}

const databases: { drop: () => Promise<void> }[] = [];

/** A fresh database, migrated and seeded at the end-to-end runner's level (`prisma/seed.ts --base`). */
async function preparedDatabase(name: string): Promise<string> {
  const database = await createThrowawayDatabase(name);
  databases.push(database);
  await applyMigrations(database.url);
  const seed = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "prisma/seed.ts", "--base"],
    { stdio: "inherit", env: { ...process.env, DATABASE_URL: database.url } },
  );
  if (seed.status !== 0) throw new Error("le seed de la base e2e a échoué");
  return database.url;
}

let status = 1;
try {
  const url = await preparedDatabase("pix_orga_e2e");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    E2E_DATABASE_URL: url,
    E2E_APP_PORT: String(process.env.E2E_APP_PORT ?? (await freePort())),
    E2E_GAR_PORT: String(process.env.E2E_GAR_PORT ?? (await freePort())),
    CHROMIUM_PATH: chromium,
  };
  // The app's SAML SP key pair for this run (the SAML spec); never written to disk.
  const spKeys = await generateSamlKeyPair("pix-saml-sp-e2e");
  env.E2E_SAML_SP_KEY = spKeys.key;
  env.E2E_SAML_SP_CERT = spKeys.cert;
  // The subscription web service's test PKI (its CA, its server certificate, Pix's client
  // certificate) for this run; never written to disk.
  const pki = await generateSubscriptionTestPki();
  env.E2E_GAR_WS_PORT = String(process.env.E2E_GAR_WS_PORT ?? (await freePort()));
  env.E2E_GAR_WS_PKI = JSON.stringify({ ca: pki.ca, server: pki.server });
  env.E2E_GAR_WS_CLIENT_CERT = pki.client.cert;
  env.E2E_GAR_WS_CLIENT_KEY = pki.client.key;
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
      stdio: "inherit",
      env: { ...env, DATABASE_URL: url },
    });
    if (build.status !== 0) throw new Error("next build a échoué");
  }
  const playwright = (args: string[], databaseUrl = url, protocol = "oidc") =>
    spawnSync(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", ...args], {
      stdio: "inherit",
      env: {
        ...env,
        E2E_GAR_PROTOCOL: protocol,
        E2E_DATABASE_URL: databaseUrl,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim(),
      },
    }).status ?? 1;
  const args = process.argv.slice(2);
  const scaleOnly = args[0] === "--scale";
  // The SAML spec needs the app started with GAR_PROTOCOL=saml: a pass of its own.
  const samlOnly = args.length > 0 && args.every((arg) => arg.includes(SAML_SPEC));
  status = scaleOnly ? 0 : playwright(args, url, samlOnly ? "saml" : "oidc");
  if (status === 0 && args.length === 0) {
    console.log("\n[e2e] Le parcours élève en SAML 2.0 (GAR_PROTOCOL=saml)");
    status = playwright([`tests/e2e/${SAML_SPEC}`], url, "saml");
  }
  // Then the scale-out run (two workers behind HAProxy, tests/scale), when the whole suite runs, on a
  // database of its own: its students must be new to Pix, whatever the main suite did with them.
  if (status === 0 && (scaleOnly || args.length === 0)) {
    console.log("\n[e2e] Deux instances derrière HAProxy (tests/scale)");
    status = playwright(
      ["--config", "playwright.scale.config.ts", ...args.slice(1)],
      await preparedDatabase("pix_orga_scale"),
    );
  }
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
  status = 1;
} finally {
  for (const database of databases) await database.drop();
}
process.exit(status);
