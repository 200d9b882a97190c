/**
 * Runs once when a server instance starts. With no DATABASE_URL (e.g. a bare `next dev`), serve
 * or join the embedded database and migrate it before the first request. `npm start` already
 * sets DATABASE_URL for the server it launches.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DATABASE_URL) return;
  const { prepareDatabase } = await import("@/lib/prepare-database");
  await prepareDatabase();
}
