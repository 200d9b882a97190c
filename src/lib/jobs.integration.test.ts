import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { defineJob, enqueue, startJobs, stopJobs } from "@/lib/jobs";
import { pgPool } from "@/lib/pg-pool";

const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");

type Instance = { child: ChildProcess; output: () => string; ready: Promise<void> };

/** A separate Node process running the job worker, as each app instance does (tests/support/job-instance.ts). */
function startInstance(jobName: string): Instance {
  const child = spawn(
    process.execPath,
    [tsxCli, "--conditions=react-server", "tests/support/job-instance.ts", jobName],
    {
      env: { ...process.env, NODE_OPTIONS: "", JOBS_CRON_CHECK_SECONDS: "1", LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  let errors = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("READY")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`instance exited (${code}): ${errors}`));
    });
  });
  return { child, output: () => output, ready };
}

function stopInstance(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null) return resolve();
    instance.child.once("exit", () => resolve());
    instance.child.kill("SIGTERM");
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(200);
  }
}

type JobRow = { state: string; retry_count: number; started_on: Date | null; created_on: Date };

async function jobRow(id: string): Promise<JobRow | undefined> {
  const { rows } = await pgPool().query<JobRow>(
    "SELECT state, retry_count, started_on, created_on FROM pgboss.job WHERE id = $1 UNION ALL SELECT state, retry_count, started_on, created_on FROM pgboss.archive WHERE id = $1",
    [id],
  );
  return rows[0];
}

afterEach(async () => {
  await stopJobs();
});

describe("job queue (pg-boss, docs/decisions/013)", () => {
  it("runs a scheduled job once when two app instances share the database", { timeout: 120_000 }, async () => {
    const jobName = `test.scheduled-${Date.now()}`;
    // Stay inside one minute slot: the schedule fires once per minute, whatever the instances.
    if (new Date().getSeconds() > 25) await sleep((61 - new Date().getSeconds()) * 1000);
    const instances = [startInstance(jobName), startInstance(jobName)];
    try {
      await Promise.all(instances.map((instance) => instance.ready));
      const runs = () => instances.map((instance) => (instance.output().match(/^RAN /gm) ?? []).length);
      await waitFor(async () => (runs().reduce((a, b) => a + b) > 0 ? true : undefined), 20_000);
      // Both instances keep checking the schedule every second: still one run.
      await sleep(6_000);
      expect(runs().reduce((a, b) => a + b)).toBe(1);
      const { rows } = await pgPool().query<{ count: number }>(
        "SELECT count(*)::int AS count FROM (SELECT id FROM pgboss.job WHERE name = $1 UNION ALL SELECT id FROM pgboss.archive WHERE name = $1) jobs",
        [jobName],
      );
      expect(rows[0]?.count).toBe(1);
    } finally {
      await Promise.all(instances.map(stopInstance));
    }
  });

  it("retries a failing job with exponential back-off, then completes it", { timeout: 60_000 }, async () => {
    const attempts: number[] = [];
    const flaky = defineJob<{ schoolId: number }>({
      name: "test.flaky",
      retry: { limit: 3, delaySeconds: 1 },
      run: async (data) => {
        attempts.push(Date.now());
        expect(data).toEqual({ schoolId: 7 });
        if (attempts.length < 3) throw new Error("not yet");
      },
    });
    await startJobs([flaky]);
    const id = await enqueue(flaky, { schoolId: 7 });
    expect(id).toEqual(expect.any(String));
    const row = await waitFor(async () => {
      const current = await jobRow(id as string);
      return current?.state === "completed" ? current : undefined;
    }, 40_000);
    expect(row.retry_count).toBe(2);
    expect(attempts).toHaveLength(3);
    // Back-off: the second retry waited longer than the first (1 s, then about 2 s).
    const [first = 0, second = 0, third = 0] = attempts;
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThan(second - first);
  });

  it("gives up after the retry limit: the job is failed, not run again", { timeout: 60_000 }, async () => {
    let runs = 0;
    const broken = defineJob({
      name: "test.broken",
      retry: { limit: 1, delaySeconds: 1 },
      run: async () => {
        runs += 1;
        throw new Error("always");
      },
    });
    await startJobs([broken]);
    const id = (await enqueue(broken, {})) as string;
    await waitFor(async () => ((await jobRow(id))?.state === "failed" ? true : undefined), 40_000);
    await sleep(3_000);
    expect(runs).toBe(2);
  });

  it("enqueues in the caller's transaction: a rolled-back transaction leaves no job", async () => {
    const job = defineJob({ name: "test.transactional", run: async () => {} });
    await enqueue(job, {}); // creates the queue
    const client = await pgPool().connect();
    let rolledBackId: string | null = null;
    try {
      await client.query("BEGIN");
      rolledBackId = await enqueue(job, {}, { transaction: client });
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }
    expect(rolledBackId).toEqual(expect.any(String));
    expect(await jobRow(rolledBackId as string)).toBeUndefined();
  });

  it("dedupes by key within a time slot", async () => {
    const job = defineJob<{ uai: string }>({ name: "test.deduped", run: async () => {} });
    const first = await enqueue(job, { uai: "0999001W" }, { dedupe: { key: "0999001W", seconds: 3600 } });
    const second = await enqueue(job, { uai: "0999001W" }, { dedupe: { key: "0999001W", seconds: 3600 } });
    const other = await enqueue(job, { uai: "0999002X" }, { dedupe: { key: "0999002X", seconds: 3600 } });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
  });
});
