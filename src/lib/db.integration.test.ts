import { describe, expect, it } from "vitest";

import { type DbClient, isTransactionClient, prisma } from "@/lib/db";

describe("the prisma singleton", () => {
  it("tells a client from a transaction", async () => {
    expect(isTransactionClient(prisma)).toBe(false);
    await prisma.$transaction(async (tx: DbClient) => {
      expect(isTransactionClient(tx)).toBe(true);
    });
  });

  it("rolls a transaction back when it throws", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.school.create({ data: { name: "Rollback", uai: "0999777Y" } });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await prisma.school.count({ where: { uai: "0999777Y" } })).toBe(0);
  });
});
