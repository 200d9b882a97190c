import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";

import { PrismaClient } from "@/generated/prisma/client";
import { checkDatabase } from "@/lib/health";

describe("health check", () => {
  it("is ok after a real round-trip to the database", async () => {
    expect(await checkDatabase()).toEqual({ ok: true });
  });

  it("reports the database as unreachable instead of throwing", async () => {
    const unreachable = new PrismaClient({
      adapter: new PrismaPg({
        connectionString: "postgresql://postgres@127.0.0.1:1/none",
        connectionTimeoutMillis: 500,
      }),
    });
    expect(await checkDatabase(unreachable, 1500)).toEqual({ ok: false });
    await unreachable.$disconnect();
  });
});
