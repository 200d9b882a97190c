import { spawn } from "node:child_process";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { readContent } from "../../content/load-content";
import { DEMO_ADMIN, DEMO_SCHOOL, DemoRefusedError } from "../../prisma/demo-accounts";
import { seed } from "../../prisma/seed";
import { prisma } from "../../src/lib/db";

/**
 * Who gets the demo (school, accounts with a published password, SIECLE sample, campaigns):
 * the embedded default database, or DATABASE_URL with an explicit --demo (--base for the
 * end-to-end runner) — and never a process with NODE_ENV=production.
 */

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args],
      {
        env: { ...process.env, ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const nothingWritten = async () => {
  expect(await prisma.user.count()).toBe(0);
  expect(await prisma.school.count()).toBe(0);
};

const nodeEnv = process.env.NODE_ENV;
afterEach(() => {
  (process.env as Record<string, string | undefined>).NODE_ENV = nodeEnv;
});

describe("seed()", () => {
  it("refuses with NODE_ENV=production before writing anything", async () => {
    (process.env as Record<string, string | undefined>).NODE_ENV = "production";
    const error = await seed(prisma).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DemoRefusedError);
    expect((error as Error).message).toContain("ne sont jamais créés en production");
    await nothingWritten();
    expect(await prisma.challenge.count()).toBe(0);
  });
});

describe("npm run db:seed (prisma/seed.ts)", () => {
  it(
    "refuses the demo on DATABASE_URL without --demo (2) and under NODE_ENV=production even with --demo (1)",
    { timeout: 90_000 },
    async () => {
      const [withoutFlag, production, productionBase] = await Promise.all([
        run("prisma/seed.ts", [], {}),
        run("prisma/seed.ts", ["--demo"], { NODE_ENV: "production" }),
        run("prisma/seed.ts", ["--base"], { NODE_ENV: "production" }),
      ]);
      expect(withoutFlag.code).toBe(2);
      expect(withoutFlag.stderr).toContain("npm run db:seed -- --demo");
      expect(withoutFlag.stderr).toContain("npm run cli -- content:load");
      for (const refused of [production, productionBase]) {
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain("Refusé : NODE_ENV=production");
      }
      await nothingWritten();
    },
  );

  it(
    "--base (the end-to-end runner's level) seeds the school, its accounts and the content, no learners or campaigns",
    { timeout: 90_000 },
    async () => {
      const result = await run("prisma/seed.ts", ["--base"], {});
      expect(result.code).toBe(0);
      expect(await prisma.school.findMany({ select: { uai: true } })).toEqual([{ uai: DEMO_SCHOOL.uai }]);
      expect(await prisma.user.findUnique({ where: { email: DEMO_ADMIN.email } })).not.toBeNull();
      expect(await prisma.challenge.count()).toBe(readContent().challenges.length);
      expect(await prisma.contentVersion.count()).toBe(1);
      expect(await prisma.learner.count()).toBe(0);
      expect(await prisma.campaign.count()).toBe(0);
    },
  );
});

describe("npm start (scripts/start.ts)", () => {
  it(
    "refuses to start with the demo under NODE_ENV=production, on the embedded default or with --demo (1)",
    { timeout: 90_000 },
    async () => {
      const [embedded, flagged] = await Promise.all([
        // No DATABASE_URL: the embedded default, which means the demo. It stops before opening it.
        run("scripts/start.ts", [], { NODE_ENV: "production", DATABASE_URL: "", PORT: "1", GAR_STAND_IN: "0" }),
        run("scripts/start.ts", ["--demo"], { NODE_ENV: "production", PORT: "1", GAR_STAND_IN: "0" }),
      ]);
      for (const refused of [embedded, flagged]) {
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain("Refusé : NODE_ENV=production");
      }
      await nothingWritten();
    },
  );
});
