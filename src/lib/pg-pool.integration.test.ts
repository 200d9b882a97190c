import { describe, expect, it } from "vitest";

import { prisma } from "@/lib/db";
import { closeDatabase, pgPool, withPgTransaction } from "@/lib/pg-pool";

const countSchools = async (uai: string) =>
  Number((await pgPool().query<{ n: string }>("SELECT count(*) AS n FROM schools WHERE uai = $1", [uai])).rows[0]!.n);

describe("the pg pool", () => {
  it("is the one Prisma runs on", async () => {
    await closeDatabase();
    // Prisma is the first to use the database: if it had a pool of its own, this one would be new and empty.
    await prisma.school.count();
    expect(pgPool().totalCount).toBeGreaterThan(0);
  });

  it("commits a transaction that returns and rolls back one that throws", async () => {
    const id = await withPgTransaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        "INSERT INTO schools (name, uai) VALUES ('Validé', '0999771A') RETURNING id",
      );
      return rows[0]!.id;
    });
    expect(await prisma.school.findUnique({ where: { id }, select: { uai: true } })).toEqual({ uai: "0999771A" });

    await expect(
      withPgTransaction(async (tx) => {
        await tx.query("INSERT INTO schools (name, uai) VALUES ('Annulé', '0999772B')");
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await countSchools("0999772B")).toBe(0);
    // The connection went back to the pool in a usable state (no transaction left open).
    expect(pgPool().idleCount).toBeGreaterThan(0);
    expect((await pgPool().query<{ status: string }>("SELECT 'ok' AS status")).rows[0]!.status).toBe("ok");
  });

  it("closes Prisma with the pool, and both open again on next use", async () => {
    await prisma.school.count();
    const before = pgPool();
    await closeDatabase();
    expect(await prisma.school.count()).toBeGreaterThanOrEqual(0);
    expect(pgPool()).not.toBe(before);
    expect(before.ended).toBe(true);
  });
});
