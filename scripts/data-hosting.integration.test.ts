import { spawn } from "node:child_process";
import path from "node:path";

import { describe, expect, it } from "vitest";

// The production entry points, as their own processes: on a database kept outside the allowed
// hosts they exit with the reason before building, migrating or serving anything. The host is
// not resolvable on purpose: reaching it would fail differently, so a pass proves no attempt.
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
const outside = "postgresql://pix@db.hors-ue.invalid:5432/pix";

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, script, "--port", "0"], {
      env: { ...process.env, NODE_OPTIONS: "", PORT: "0", WEB_CONCURRENCY: "2", ...env },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("the production server and its database's host", () => {
  for (const script of ["scripts/serve.ts", "scripts/serve-cluster.ts", "scripts/start.ts"]) {
    it(`${script} refuses to start on a host outside DATA_HOSTING_ALLOWLIST`, async () => {
      const { code, stderr } = await run(script, { DATABASE_URL: outside, DATA_HOSTING_ALLOWLIST: "hds.example.fr" });
      expect(code).toBe(1);
      expect(stderr).toContain("« db.hors-ue.invalid »");
      expect(stderr).toContain("DATA_HOSTING_ALLOWLIST");
    });
  }
});
