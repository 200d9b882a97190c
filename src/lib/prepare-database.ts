import { applyMigrations, describeTarget } from "@/lib/migrations";
import { type EmbeddedPostgres, ensureEmbeddedPostgres } from "@/lib/embedded-postgres";

/**
 * For processes that start outside Next (start script, CLI, seed, benchmarks): DATABASE_URL when
 * set, else the embedded database; migrations applied either way. Sets process.env.DATABASE_URL
 * so that `@/lib/db` connects to the same place.
 */
export async function prepareDatabase(options: { migrate?: boolean; log?: (line: string) => void } = {}): Promise<{
  url: string;
  embedded: EmbeddedPostgres | null;
  description: string;
}> {
  let embedded: EmbeddedPostgres | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await ensureEmbeddedPostgres();
    url = embedded.url;
    process.env.DATABASE_URL = url;
  }
  if (options.migrate !== false) await applyMigrations(url, { log: options.log });
  const description = embedded
    ? `base embarquée (PGlite, ${process.env.PGLITE_DATA_DIR ?? ".data/pglite"})`
    : describeTarget(url);
  return { url, embedded, description };
}
