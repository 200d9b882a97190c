/**
 * Runs once when a server instance starts. With no DATABASE_URL (e.g. a bare `next dev`), serve
 * or join the embedded database and migrate it before the first request. `npm start` already
 * sets DATABASE_URL for the server it launches. Then start this instance's job worker
 * (docs/decisions/013): every instance works, each job runs in one of them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.DATABASE_URL) {
    const { prepareDatabase } = await import("@/lib/prepare-database");
    await prepareDatabase();
  }
  const { env } = await import("@/lib/env");
  if (env().JOBS_WORKER === "0") return;
  const { startJobs, stopJobs } = await import("@/lib/jobs");
  const { APP_JOBS } = await import("@/jobs");
  await startJobs(APP_JOBS);
  // Jobs in hand finish before the instance goes; an interrupted one expires and is retried elsewhere.
  process.once("SIGTERM", () => void stopJobs());
}
