import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";

import { ensureEmbeddedPostgres } from "../../src/lib/embedded-postgres";

/**
 * A database created for one test run and dropped afterwards: on the PostgreSQL server of
 * TEST_DATABASE_URL / DATABASE_URL / the local default, or — on a machine with no server — on a
 * fresh embedded PGlite (and we say so).
 */
export async function createThrowawayDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void>; embedded: boolean }> {
  const base =
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  } catch (error) {
    await admin.end().catch(() => {});
    console.warn(
      `\n[tests] Aucun serveur PostgreSQL joignable (${(error as Error).message}) : base embarquée PGlite.\n`,
    );
    const embedded = await ensureEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), `${prefix}-`)), port: 0 });
    return { url: embedded.url, drop: embedded.stop, embedded: true };
  }
  const target = new URL(base);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    embedded: false,
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await admin.end();
    },
  };
}
