import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { describe, expect, it } from "vitest";

import { ensureEmbeddedPostgres } from "@/lib/embedded-postgres";
import { applyMigrations } from "@/lib/migrations";

describe("embedded PostgreSQL (PGlite)", () => {
  it("migrates, keeps its data across a restart, and lets a second process join it", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "pglite-test-"));
    const first = await ensureEmbeddedPostgres({ dataDir, port: 0 });
    expect(first.owned).toBe(true);
    await applyMigrations(first.url);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    await client.query(`INSERT INTO schools (name, uai) VALUES ('Collège embarqué', '0999002X')`);
    await client.end();

    // Another caller finds the running server through the state file instead of opening the directory twice.
    const joined = await ensureEmbeddedPostgres({ dataDir });
    expect(joined).toMatchObject({ owned: false, url: first.url });
    await first.stop();

    const again = await ensureEmbeddedPostgres({ dataDir, port: 0 });
    expect((await applyMigrations(again.url)).applied).toEqual([]);
    const reader = new pg.Client({ connectionString: again.url });
    await reader.connect();
    const { rows } = await reader.query<{ name: string }>(`SELECT name FROM schools`);
    await reader.end();
    await again.stop();
    expect(rows).toEqual([{ name: "Collège embarqué" }]);
  }, 60_000);
});
