/**
 * Runs once when a server instance starts. With no DATABASE_URL (e.g. a bare `next dev`), serve
 * or join the embedded database and migrate it before the first request. `npm start` already
 * sets DATABASE_URL for the server it launches. Then start this instance's job worker
 * (docs/decisions/013): every instance works, each job runs in one of them. A worker that cannot
 * start (database unreachable) is logged and retried every minute; pages are served meanwhile.
 * No SIGTERM handler: a job cut short by the instance stopping expires and is retried elsewhere.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.DATABASE_URL) {
    const { prepareDatabase } = await import("@/lib/prepare-database");
    await prepareDatabase();
  }
  const { env } = await import("@/lib/env");
  if (env().JOBS_WORKER === "0") return;
  const { startJobs } = await import("@/lib/jobs");
  const { logger } = await import("@/lib/logger");
  const { APP_JOBS } = await import("@/jobs");
  const start = () =>
    startJobs(APP_JOBS).catch((error: unknown) => {
      logger.error("jobs.start_failed", { code: (error as { code?: unknown }).code ?? null });
      setTimeout(start, 60_000).unref();
    });
  await start();
}
