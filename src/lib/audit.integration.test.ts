import { describe, expect, it } from "vitest";

import { AUDIT_LOG_COLUMNS, recordAudit, recordAuditBatch } from "@/lib/audit";
import { prisma } from "@/lib/db";
import { withPgTransaction } from "@/lib/pg-pool";

import { createSchool } from "../../tests/factories/schools";

const columnsOf = async (table: string) =>
  (
    await prisma.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`
  ).map((row) => row.column_name);

describe("one audit module, two ways in", () => {
  it("recordAuditBatch writes every column of audit_logs but its id (read from the catalog)", async () => {
    expect([...AUDIT_LOG_COLUMNS, "id"].sort()).toEqual((await columnsOf("audit_logs")).sort());
  });

  it("writes through pg, in the caller's transaction, the same rows recordAudit writes through Prisma", async () => {
    const school = await createSchool();
    const entry = {
      schoolId: school.id,
      actorUserId: null,
      action: "test.audit",
      targetType: "thing",
      targetId: 42,
      data: { count: 3, ids: [1, 2] },
    };
    await recordAudit(entry);
    await withPgTransaction((tx) =>
      recordAuditBatch(tx, [entry, { schoolId: null, actorUserId: null, action: "test.bare" }]),
    );
    // Rolled back with its transaction.
    await expect(
      withPgTransaction(async (tx) => {
        await recordAuditBatch(tx, [entry]);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");

    const rows = await prisma.auditLog.findMany({ orderBy: { id: "asc" } });
    const shape = ({ id: _id, createdAt: _c, ...row }: (typeof rows)[number]) => row;
    expect(rows).toHaveLength(3);
    expect(shape(rows[1]!)).toEqual(shape(rows[0]!));
    expect(shape(rows[0]!)).toEqual({
      schoolId: school.id,
      actorUserId: null,
      action: "test.audit",
      targetType: "thing",
      targetId: "42",
      data: { count: 3, ids: [1, 2] },
    });
    expect(shape(rows[2]!)).toEqual({
      schoolId: null,
      actorUserId: null,
      action: "test.bare",
      targetType: null,
      targetId: null,
      data: null,
    });
    // Both as UTC, as Prisma writes `timestamp(3)`.
    expect(Math.abs(rows[1]!.createdAt.getTime() - rows[0]!.createdAt.getTime())).toBeLessThan(60_000);
  });
});

describe("the audit log is append-only (trigger of migration 20261203110000, docs/decisions/012)", () => {
  it("refuses UPDATE and DELETE of a row, through Prisma and through pg, whoever connects", async () => {
    await recordAudit({ schoolId: null, actorUserId: null, action: "test.kept", data: { n: 1 } });
    const row = await prisma.auditLog.findFirstOrThrow({ where: { action: "test.kept" } });
    await expect(prisma.auditLog.update({ where: { id: row.id }, data: { action: "test.rewritten" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`UPDATE audit_logs SET data = NULL`).rejects.toThrow(/append-only/);
    await expect(prisma.$executeRaw`DELETE FROM audit_logs`).rejects.toThrow(/append-only/);
    await expect(withPgTransaction((tx) => tx.query("UPDATE audit_logs SET target_id = 'x'"))).rejects.toThrow(
      /append-only/,
    );
    expect(await prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });

  it("lets a row go once its 12 months of retention are over, and only then", async () => {
    const day = 24 * 60 * 60 * 1000;
    const old = await prisma.auditLog.create({
      data: { action: "test.old", createdAt: new Date(Date.now() - 366 * day) },
    });
    const recent = await prisma.auditLog.create({
      data: { action: "test.recent", createdAt: new Date(Date.now() - 300 * day) },
    });
    await expect(prisma.auditLog.delete({ where: { id: recent.id } })).rejects.toThrow(/append-only/);
    await prisma.auditLog.delete({ where: { id: old.id } });
    expect(await prisma.auditLog.findMany({ select: { id: true } })).toEqual([{ id: recent.id }]);
  });
});
