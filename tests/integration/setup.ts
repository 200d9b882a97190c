import { afterAll, beforeEach, inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.TZ = "Europe/Paris";

const { resetDb } = await import("./reset-db");
const { disconnectPrisma } = await import("../../src/lib/db");

beforeEach(async () => {
  await resetDb();
});

afterAll(async () => {
  await disconnectPrisma();
});
