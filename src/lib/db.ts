import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { Prisma, PrismaClient } from "@/generated/prisma/client";

/** A client or a transaction: functions that may join a caller's transaction take `db: DbClient`. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { __prisma?: PrismaClient };

function createPrismaClient(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // The start script and src/instrumentation.ts resolve the embedded database before any
    // request; reaching this means the process was started some other way.
    throw new Error(
      "DATABASE_URL n'est pas défini : démarrez l'application avec `npm start` (base embarquée) " +
        "ou définissez DATABASE_URL=postgresql://…",
    );
  }
  const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  return new PrismaClient({ adapter, log: process.env.DEBUG_SQL === "1" ? ["query", "warn", "error"] : ["warn", "error"] });
}

/** The one PrismaClient of the process, created on first use. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    globalForPrisma.__prisma ??= createPrismaClient();
    const value = Reflect.get(globalForPrisma.__prisma, property);
    return typeof value === "function" ? value.bind(globalForPrisma.__prisma) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.__prisma?.$disconnect();
  globalForPrisma.__prisma = undefined;
}

export { Prisma };
