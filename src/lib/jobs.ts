import "server-only";

import PgBoss from "pg-boss";
import type pg from "pg";

import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { databaseUrl } from "@/lib/pg-pool";

/**
 * The job queue (docs/decisions/013): pg-boss on our PostgreSQL, in its own schema `pgboss`
 * (created and upgraded by pg-boss itself at start, under its advisory lock). Every app instance
 * runs a worker; a job is fetched with SKIP LOCKED, so it runs in exactly one instance, and a
 * cron schedule fires once per minute slot whatever the number of instances.
 *
 * The whole API is four functions:
 *   - `defineJob({ name, run, retry?, cron? })` declares a job (its handler and policy);
 *   - `startJobs(jobs)` starts this process's worker for those jobs (src/instrumentation.ts does it
 *     for every app instance) and installs their cron schedules;
 *   - `enqueue(job, data, options?)` asks for one run, retried with exponential back-off, possibly
 *     later (`startAfter`), at most once per key and time slot (`dedupe`), and inside the caller's pg
 *     transaction when given one (`transaction`);
 *   - `stopJobs()` stops the worker (waits for the jobs in hand) and closes its pool.
 *
 * Payloads are stored in `pgboss.job.data` until pg-boss deletes them (`JOB_RETENTION_DAYS`):
 * ids only, never names, INE, birth dates, GAR ids or e-mail addresses.
 */

/** What a handler receives besides its payload. */
export type JobContext = { jobId: string; name: string };

export type RetryPolicy = {
  /** Retries after the first failure (0: never retried). */
  limit: number;
  /** Seconds before the first retry; doubled at each retry (exponential back-off). */
  delaySeconds: number;
};

export type JobDefinition<T extends object = Record<string, never>> = {
  /** Stable name: the queue's name in `pgboss.queue` (letters, digits, `.`, `-`, `_`). */
  name: string;
  run: (data: T, context: JobContext) => Promise<unknown>;
  retry: RetryPolicy;
  /** Five-field cron expression, in UTC; the job is then also enqueued, with `{}`, on that schedule. */
  cron?: string;
  /** A run longer than this is considered failed (and retried). */
  expireInSeconds: number;
};

const DEFAULT_RETRY: RetryPolicy = { limit: 3, delaySeconds: 30 };
const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/;

export function defineJob<T extends object = Record<string, never>>(
  definition: Pick<JobDefinition<T>, "name" | "run"> & Partial<Omit<JobDefinition<T>, "name" | "run">>,
): JobDefinition<T> {
  if (!NAME.test(definition.name)) throw new Error(`Nom de tâche invalide : ${definition.name}`);
  return { retry: DEFAULT_RETRY, expireInSeconds: 15 * 60, ...definition };
}

export type EnqueueOptions = {
  /** Not before this date (or this many seconds from now). */
  startAfter?: Date | number;
  /**
   * At most one job of this queue with this key per time slot of `seconds` (slots aligned on the
   * epoch): a second enqueue in the same slot returns null. A database unique index enforces it.
   */
  dedupe?: { key: string; seconds: number };
  /** Overrides the job's retry policy for this run. */
  retry?: RetryPolicy;
  /** Enqueue in the caller's transaction: the job exists only if it commits. */
  transaction?: pg.PoolClient;
};

type Runner = { boss: PgBoss; working: boolean };
const globalForJobs = globalThis as unknown as { __jobRunner?: Promise<Runner> };

function bossOptions(working: boolean): PgBoss.ConstructorOptions {
  const config = env();
  return {
    connectionString: databaseUrl(),
    schema: "pgboss",
    application_name: "pix-jobs",
    max: config.JOBS_POOL_MAX,
    // Queues and schedules are installed by the first instance; all of them run maintenance and
    // cron checks, which pg-boss serialises through the database (one instance per interval).
    migrate: true,
    supervise: working,
    schedule: working,
    deleteAfterDays: config.JOB_RETENTION_DAYS,
    archiveCompletedAfterSeconds: 60 * 60,
    cronMonitorIntervalSeconds: config.JOBS_CRON_CHECK_SECONDS,
    cronWorkerIntervalSeconds: config.JOBS_CRON_CHECK_SECONDS,
  };
}

async function startBoss(working: boolean): Promise<Runner> {
  const boss = new PgBoss(bossOptions(working));
  // pg-boss reports background failures (maintenance, cron, polling) here; without a listener the
  // process would crash. Messages never carry payloads.
  boss.on("error", (error: Error) =>
    logger.warn("jobs.error", { code: (error as { code?: unknown }).code ?? null, message: error.message }),
  );
  await boss.start();
  return { boss, working };
}

function runner(): Promise<Runner> {
  // A process that only enqueues (the CLI, a test) gets a client with no worker, no cron and no maintenance.
  globalForJobs.__jobRunner ??= startBoss(false).catch((error: unknown) => {
    globalForJobs.__jobRunner = undefined;
    throw error;
  });
  return globalForJobs.__jobRunner;
}

function queueOptions(job: JobDefinition<never>): PgBoss.Queue {
  return {
    name: job.name,
    retryLimit: job.retry.limit,
    retryDelay: job.retry.delaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
  };
}

/**
 * Starts this process's worker for `jobs`: creates their queues (idempotent), registers their
 * handlers and installs (or updates) their cron schedules; a schedule no longer declared is removed.
 */
export async function startJobs(jobs: readonly JobDefinition<never>[]): Promise<void> {
  if (globalForJobs.__jobRunner) {
    const existing = await globalForJobs.__jobRunner;
    if (existing.working) throw new Error("Les tâches sont déjà démarrées dans ce processus.");
    await stopJobs();
  }
  globalForJobs.__jobRunner = startBoss(true);
  const { boss } = await globalForJobs.__jobRunner;
  for (const job of jobs) {
    await boss.createQueue(job.name, queueOptions(job)).catch(ignoreExisting);
    await boss.updateQueue(job.name, queueOptions(job));
    await boss.work<object>(job.name, { batchSize: 1, pollingIntervalSeconds: 2 }, async (items) => {
      for (const item of items) await runOne(job, item);
    });
  }
  const declared = new Set(jobs.filter((job) => job.cron).map((job) => job.name));
  for (const schedule of await boss.getSchedules())
    if (!declared.has(schedule.name)) await boss.unschedule(schedule.name);
  for (const job of jobs) if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
}

async function runOne(job: JobDefinition<never>, item: PgBoss.Job<object>): Promise<void> {
  const started = Date.now();
  try {
    await job.run(item.data as never, { jobId: item.id, name: job.name });
    logger.info("jobs.done", { job: job.name, jobId: item.id, ms: Date.now() - started });
  } catch (error) {
    // The handler's message may quote a value: the code and the job only.
    logger.warn("jobs.failed", { job: job.name, jobId: item.id, code: (error as { code?: unknown }).code ?? null });
    throw error;
  }
}

/** Existing queue on a concurrent start: createQueue is not atomic across instances in pg-boss 10. */
function ignoreExisting(error: unknown): void {
  if ((error as { code?: string }).code !== "23505") throw error;
}

/** Asks for one run of `job` with `data`. Returns the job id, or null when `dedupe` found one in the same slot. */
export async function enqueue<T extends object>(
  job: JobDefinition<T>,
  data: T,
  options: EnqueueOptions = {},
): Promise<string | null> {
  const { boss } = await runner();
  // A worker-less client creates the queue when the app's instances have not yet done so.
  if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name, queueOptions(job)).catch(ignoreExisting);
  const retry = options.retry ?? job.retry;
  const sendOptions: PgBoss.SendOptions = {
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: true,
    expireInSeconds: job.expireInSeconds,
    ...(options.dedupe ? { singletonKey: options.dedupe.key, singletonSeconds: options.dedupe.seconds } : {}),
    ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    ...(options.transaction ? { db: transactionDb(options.transaction) } : {}),
  };
  return boss.send(job.name, data, sendOptions);
}

function transactionDb(client: pg.PoolClient): PgBoss.Db {
  return { executeSql: (text, values) => client.query(text, values) };
}

/** Stops the worker (jobs in hand finish, up to 30 s) and closes the queue's pool. */
export async function stopJobs(): Promise<void> {
  const current = globalForJobs.__jobRunner;
  globalForJobs.__jobRunner = undefined;
  if (!current) return;
  const { boss } = await current.catch(() => ({ boss: null }));
  await boss?.stop({ graceful: true, close: true, wait: true, timeout: 30_000 });
}
