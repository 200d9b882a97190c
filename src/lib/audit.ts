import "server-only";

import type pg from "pg";

import type { Prisma } from "@/generated/prisma/client";
import type { DbClient } from "@/lib/db";

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

/** In a Prisma transaction (`tx`), or on its own. Prisma's client is loaded only when used here. */
export async function recordAudit(entry: AuditEntry, db?: DbClient): Promise<void> {
  const client = db ?? (await import("@/lib/db")).prisma;
  await client.auditLog.create({
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

/**
 * The `audit_logs` columns `recordAuditBatch` writes (all but `id`); checked against the
 * database's catalog by `audit.integration.test.ts`.
 */
export const AUDIT_LOG_COLUMNS = [
  "school_id",
  "actor_user_id",
  "action",
  "target_type",
  "target_id",
  "data",
  "created_at",
] as const;

/**
 * The same entries, for code that runs on the pg pool rather than Prisma (the SIECLE import,
 * docs/decisions/007): one set-based statement for any number of entries, on the caller's
 * connection so it joins its transaction. Never loads Prisma.
 */
export async function recordAuditBatch(
  client: Pick<pg.PoolClient, "query">,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const [schoolId, actorUserId, action, targetType, targetId, data] = AUDIT_LOG_COLUMNS;
  // `created_at` is `timestamp(3)` holding UTC, as Prisma writes it, whatever the server's TimeZone.
  await client.query(
    `INSERT INTO audit_logs (${AUDIT_LOG_COLUMNS.join(", ")})
     SELECT v.${schoolId}, v.${actorUserId}, v.${action}, v.${targetType}, v.${targetId}, v.${data}::jsonb, (now() AT TIME ZONE 'UTC')
     FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
       AS v(${schoolId}, ${actorUserId}, ${action}, ${targetType}, ${targetId}, ${data})`,
    [
      entries.map((entry) => entry.schoolId),
      entries.map((entry) => entry.actorUserId),
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.targetType ?? null),
      entries.map((entry) => (entry.targetId === undefined ? null : String(entry.targetId))),
      // JSON text: pg would turn a JS array into a PostgreSQL array literal.
      entries.map((entry) => (entry.data === undefined ? null : JSON.stringify(entry.data))),
    ],
  );
}

/**
 * Staff reads of pupils' data (issue 11): which lists, results and exports a member opened —
 * actor, role, school, action, target ids, time; never names, never the search typed (it may be a
 * name). Written on its own (a read has no transaction to join). Journal labels:
 * src/messages/fr/journal.ts.
 */
export const STAFF_READ_ACTIONS = {
  learners: "read.learners",
  campaignActivity: "read.campaign_activity",
  campaignResults: "read.campaign_results",
  campaignExport: "read.campaign_export",
  studentSheets: "read.student_sheets",
  notJoinedList: "read.not_joined_list",
} as const;

export type StaffReadAction = (typeof STAFF_READ_ACTIONS)[keyof typeof STAFF_READ_ACTIONS];

/** The ids kept per entry: a page of results, not a whole school. */
const MAX_READ_IDS = 500;

export async function recordStaffRead(
  reader: { userId: number; role: string; schoolId: number },
  read: {
    action: StaffReadAction;
    /** What was opened: the school (a list) or a campaign. */
    targetType: "school" | "campaign";
    targetId: number;
    /** The learners or participations shown. */
    ids: { kind: "learnerIds" | "participationIds"; values: readonly number[] };
    /** Rows read, when the ids are not at hand (the CSV export). Default: the ids' count. */
    count?: number;
  },
  db?: DbClient,
): Promise<void> {
  await recordAudit(
    {
      schoolId: reader.schoolId,
      actorUserId: reader.userId,
      action: read.action,
      targetType: read.targetType,
      targetId: read.targetId,
      data: {
        role: reader.role,
        count: read.count ?? read.ids.values.length,
        [read.ids.kind]: read.ids.values.slice(0, MAX_READ_IDS),
      },
    },
    db,
  );
}
