import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MigrationError, readMigrationFiles } from "@/lib/migrations";

/** Each test works on its own throw-away database on the same server as the integration run. */
const serverUrl = new URL(process.env.DATABASE_URL!);
const databases: string[] = [];
let admin: pg.Client;

async function freshDatabase(): Promise<string> {
  const name = `pix_orga_mig_${Date.now()}_${databases.length}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  databases.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

beforeAll(async () => {
  const url = new URL(serverUrl);
  url.pathname = "/postgres";
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
});

afterAll(async () => {
  for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  it("applies every migration once, writes Prisma's table, and is a no-op the second time", async () => {
    const url = await freshDatabase();
    const files = await readMigrationFiles();
    const first = await applyMigrations(url);
    expect(first.applied).toEqual(files.map((file) => file.name));
    const second = await applyMigrations(url);
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });
    const rows = await query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: Date;
    }>(
      url,
      `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      files.map((file) => [file.name, file.checksum]),
    );
    expect(rows.every((row) => row.applied_steps_count === 1 && row.finished_at instanceof Date)).toBe(true);
  });

  it("two migrators at once apply each migration exactly once (advisory lock)", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    const files = await readMigrationFiles();
    expect(a.applied.length + b.applied.length).toBe(files.length);
    const rows = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.count)).toBe(files.length);
  });

  it("a failing migration leaves nothing half-applied and says which one failed", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
    const write = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    write("20260101000000_ok", `CREATE TABLE "ok_table" ("id" INTEGER);`);
    write("20260102000000_broken", `CREATE TABLE "half" ("id" INTEGER);\nTHIS IS NOT SQL;`);
    const error = await applyMigrations(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toContain("20260102000000_broken");
    const tables = await query<{ tablename: string }>(
      url,
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "ok_table"]);
  });

  it("refuses an applied migration that was edited afterwards", async () => {
    const url = await freshDatabase();
    await applyMigrations(url);
    const files = await readMigrationFiles();
    await query(url, `UPDATE "_prisma_migrations" SET checksum = 'x' WHERE migration_name = '${files[0]!.name}'`);
    await expect(applyMigrations(url)).rejects.toThrow(/modifiée après avoir été appliquée/);
  });

  it("an unreachable server gets a clear French message, not a stack trace", async () => {
    await expect(applyMigrations("postgresql://postgres@127.0.0.1:1/nothing")).rejects.toThrow(
      /Impossible de joindre la base de données \(127\.0\.0\.1:1\/nothing\)/,
    );
  });

  it("reads the project's migrations from prisma/migrations", () => {
    expect(DEFAULT_MIGRATIONS_DIR.endsWith(path.join("prisma", "migrations"))).toBe(true);
  });
});
