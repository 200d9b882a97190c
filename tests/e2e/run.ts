// `npm run test:e2e`: a fresh database (migrated and seeded), free ports, a production build, then
// Playwright against `next start` in headless Chromium. Fails loudly when no browser is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import { ensureEmbeddedPostgres, freePort } from "../../src/lib/embedded-postgres";
import { applyMigrations } from "../../src/lib/migrations";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `\nAucun navigateur pour les tests de bout en bout : ${chromium} est introuvable.\n` +
      `Installez Chromium (Debian : sudo apt-get install -y chromium) ou indiquez son chemin dans CHROMIUM_PATH.\n` +
      `(N'utilisez pas \`npx playwright install\` : ces machines ne peuvent pas télécharger de navigateur.)\n`,
  );
  process.exit(1);
}

const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const name = `pix_orga_e2e_${Date.now()}`;
let url: string;
let dropDatabase = async () => {};
let stopEmbedded = async () => {};
const admin = new pg.Client({ connectionString: base });
try {
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(base);
  target.pathname = `/${name}`;
  url = target.toString();
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
    await admin.end();
  };
} catch (error) {
  await admin.end().catch(() => {});
  console.warn(`[e2e] Aucun serveur PostgreSQL joignable (${(error as Error).message}) : base embarquée PGlite.`);
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const embedded = await ensureEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), "pix-orga-e2e-")), port: 0 });
  url = embedded.url;
  stopEmbedded = embedded.stop;
}

let status = 1;
try {
  await applyMigrations(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    E2E_DATABASE_URL: url,
    E2E_APP_PORT: String(process.env.E2E_APP_PORT ?? (await freePort())),
    E2E_GAR_PORT: String(process.env.E2E_GAR_PORT ?? (await freePort())),
    CHROMIUM_PATH: chromium,
  };
  const seed = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "prisma/seed.ts", "--base"], {
    stdio: "inherit",
    env: { ...env, DATABASE_URL: url },
  });
  if (seed.status !== 0) throw new Error("le seed de la base e2e a échoué");
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: { ...env, DATABASE_URL: url } });
    if (build.status !== 0) throw new Error("next build a échoué");
  }
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim() },
  });
  status = result.status ?? 1;
} catch (error) {
  console.error(`[e2e] ${(error as Error).message}`);
  status = 1;
} finally {
  await dropDatabase();
  await stopEmbedded();
}
process.exit(status);
