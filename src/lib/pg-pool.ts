import "server-only";

import pg from "pg";

import { logger } from "@/lib/logger";

/**
 * The one `pg` pool of the process. Prisma's adapter runs on it (db.ts), and so does code that
 * must talk to the driver itself: bulk statements whose parameters are thousands of values
 * (Prisma's driver adapter keeps the arguments of its last 100 queries in memory for its error
 * reports, which for a 20 MB SIECLE import is tens of MB held long after the import).
 *
 * This module does not load Prisma: a process that only needs the driver (the SIECLE import on
 * the command line) never pays for Prisma's client and query compiler.
 */
const globalForPool = globalThis as unknown as { __pgPool?: pg.Pool; __pgPoolClosers?: Set<() => Promise<void>> };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // The start script and src/instrumentation.ts resolve the embedded database before any
    // request; reaching this means the process was started some other way.
    throw new Error(
      "DATABASE_URL n'est pas défini : démarrez l'application avec `npm start` (base embarquée) " +
        "ou définissez DATABASE_URL=postgresql://…",
    );
  }
  return url;
}

export function pgPool(): pg.Pool {
  if (!globalForPool.__pgPool) {
    const pool = new pg.Pool({ connectionString: databaseUrl(), max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
    // An idle connection dropped by the server must not crash the process (an 'error' event
    // without a listener throws). The message may quote a value: log the code only.
    pool.on("error", (error) =>
      logger.warn("pg_pool.idle_client_error", { code: (error as { code?: unknown }).code ?? null }),
    );
    globalForPool.__pgPool = pool;
  }
  return globalForPool.__pgPool;
}

/** Runs `work` in a transaction on one connection of the pool: committed if it returns, rolled back if it throws. */
export async function withPgTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => {
      // The connection is unusable: the pool must drop it rather than lend it again.
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** Something that runs on the pool and must be closed before it (Prisma's client, see db.ts). */
export function onPoolClose(close: () => Promise<void>): () => void {
  globalForPool.__pgPoolClosers ??= new Set();
  globalForPool.__pgPoolClosers.add(close);
  return () => globalForPool.__pgPoolClosers?.delete(close);
}

/** Closes what runs on the pool, then the pool. The next use opens a new one. */
export async function closeDatabase(): Promise<void> {
  const closers = [...(globalForPool.__pgPoolClosers ?? [])];
  globalForPool.__pgPoolClosers?.clear();
  for (const close of closers) await close();
  const pool = globalForPool.__pgPool;
  globalForPool.__pgPool = undefined;
  await pool?.end();
}
