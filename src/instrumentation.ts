/**
 * Runs once when a server instance starts. With no DATABASE_URL (e.g. a bare `next dev`), serve
 * or join the embedded database and migrate it before the first request. `npm start` already
 * sets DATABASE_URL for the server it launches. Then schedule housekeeping.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (!process.env.DATABASE_URL) {
    const { prepareDatabase } = await import("@/lib/prepare-database");
    await prepareDatabase();
  }
  const { scheduleHousekeeping } = await import("@/lib/housekeeping");
  scheduleHousekeeping();
}
