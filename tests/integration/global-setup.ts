import type { TestProject } from "vitest/node";
import pg from "pg";

import { ensureEmbeddedPostgres, type EmbeddedPostgres } from "../../src/lib/embedded-postgres";
import { applyMigrations } from "../../src/lib/migrations";

/**
 * A fresh database per run, migrated with the project's own runner: from TEST_DATABASE_URL,
 * else DATABASE_URL, else the local server; on a machine with no PostgreSQL server, the embedded
 * one (and we say so).
 */
export default async function setup(project: TestProject) {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `pix_orga_test_${Date.now()}_${process.pid}`;
  let url: string;
  let embedded: EmbeddedPostgres | null = null;
  let admin: pg.Client | null = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const target = new URL(base);
    target.pathname = `/${name}`;
    url = target.toString();
  } catch (error) {
    await admin.end().catch(() => {});
    admin = null;
    console.warn(
      `\n[integration] Aucun serveur PostgreSQL joignable (${(error as Error).message}) : ` +
        `les tests d'intégration utilisent la base embarquée PGlite.\n`,
    );
    const { mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    embedded = await ensureEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), "pix-orga-test-")), port: 0 });
    url = embedded.url;
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  process.env.DATABASE_URL = url;

  return async () => {
    if (embedded) await embedded.stop();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    }
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
