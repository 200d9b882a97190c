import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { closeDatabase, onPoolClose, pgPool } from "@/lib/pg-pool";

/** A client or a transaction: functions that may join a caller's transaction take `db: DbClient`. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  // Prisma runs on the process's one pg pool (pg-pool.ts), which bulk statements use directly.
  // Errors are thrown to the caller, never logged by Prisma itself: its messages can quote row
  // values (an INE in a key violation).
  const adapter = new PrismaPg(pgPool());
  const created = new PrismaClient({
    adapter,
    log: process.env.DEBUG_SQL === "1" ? ["query", "warn", "error"] : ["warn"],
  });
  onPoolClose(async () => {
    await created.$disconnect();
    if (globalForPrisma.__prisma === created) globalForPrisma.__prisma = undefined;
  });
  return created;
}

function client(): PrismaClient {
  globalForPrisma.__prisma ??= createPrismaClient();
  return globalForPrisma.__prisma;
}

/**
 * The one PrismaClient of the process, created on first use (so that importing this module never
 * needs a database). The proxy forwards reads and `in` checks, so `"$transaction" in db` tells a
 * client from a transaction as it would on the client itself.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
  has(_target, property) {
    return Reflect.has(client(), property);
  },
});

/** A transaction client has no `$connect` (it does expose a `$transaction`, so that cannot tell them apart). */
export function isTransactionClient(db: DbClient): db is Prisma.TransactionClient {
  return !("$connect" in db);
}

/**
 * Runs `work` in a transaction of its own, or inside the caller's when `db` already is one, so a
 * use case can be called alone or as one step of a larger transaction. Inside a caller's
 * transaction, `work` runs under a savepoint (Prisma's nested `$transaction`): when it fails, only
 * its own writes are rolled back and the caller's transaction stays usable — so a use case that
 * catches a failed statement and retries (a campaign code taken concurrently) behaves the same
 * alone and nested. `options` apply to a transaction of its own only.
 */
export async function withTransaction<T>(
  db: DbClient,
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return isTransactionClient(db) ? db.$transaction(work) : (db as PrismaClient).$transaction(work, options);
}

/** Disconnects Prisma and closes the pg pool it runs on. */
export async function disconnectPrisma(): Promise<void> {
  await closeDatabase();
}

export { Prisma };
