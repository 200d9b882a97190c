import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { prisma, type DbClient } from "@/lib/db";

/**
 * One audit entry: who did what to what, in which school. Written in the same transaction as
 * the change it records, so that an entry exists exactly when the change does.
 * `data` holds technical ids and counts only: never names, birth dates, INE, GAR ids or e-mails
 * (hash them when a correlation is needed).
 */
export type AuditEntry = {
  schoolId: number | null;
  actorUserId: number | null;
  action: string;
  targetType?: string;
  targetId?: number | string;
  data?: Prisma.InputJsonValue;
};

export async function recordAudit(entry: AuditEntry, db: DbClient = prisma): Promise<void> {
  await db.auditLog.create({
    data: {
      schoolId: entry.schoolId,
      actorUserId: entry.actorUserId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      data: entry.data,
    },
  });
}
