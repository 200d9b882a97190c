import "server-only";

import { prisma } from "@/lib/db";
import type { AuthorizedSchoolId } from "@/lib/session";

import { JOURNAL_PAGE_SIZE, type JournalQuery } from "./schema";
import type { JournalEntry, JournalPage } from "./types";

type Row = {
  id: number;
  created_at: Date;
  action: string;
  target_type: string | null;
  target_id: string | null;
  data: unknown;
  first_name: string | null;
  last_name: string | null;
  member_role: string | null;
  total: number;
};

/**
 * The school's audit entries, newest first, filtered by action and by days (Europe/Paris, the
 * schools' time zone: `from` and `to` included). Staff names come from the accounts; entries hold ids.
 */
export async function listJournal(schoolId: AuthorizedSchoolId, query: JournalQuery): Promise<JournalPage> {
  const offset = (query.page - 1) * JOURNAL_PAGE_SIZE;
  const rows = await prisma.$queryRawUnsafe<Row[]>(
    `SELECT a.id, a.created_at, a.action, a.target_type, a.target_id, a.data,
            u.first_name, u.last_name, m.role::text AS member_role, count(*) OVER ()::int AS total
     FROM audit_logs a
     LEFT JOIN users u ON u.id = a.actor_user_id
     LEFT JOIN members m ON m.user_id = a.actor_user_id AND m.school_id = a.school_id
     WHERE a.school_id = $1::int
       AND ($2::text = '' OR a.action = $2::text)
       AND ($3::text = '' OR a.created_at >= (($3::text)::date::timestamp AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC'))
       AND ($4::text = '' OR a.created_at < ((($4::text)::date + 1)::timestamp AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC'))
     ORDER BY a.created_at DESC, a.id DESC
     LIMIT ${JOURNAL_PAGE_SIZE} OFFSET $5::int`,
    schoolId,
    query.action,
    query.from,
    query.to,
    offset,
  );
  const total = rows[0]?.total ?? (query.page > 1 ? await countJournal(schoolId, query) : 0);
  return {
    rows: rows.map(toEntry),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE)),
  };
}

async function countJournal(schoolId: AuthorizedSchoolId, query: JournalQuery): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM audit_logs a WHERE a.school_id = $1::int AND ($2::text = '' OR a.action = $2::text)
       AND ($3::text = '' OR a.created_at >= (($3::text)::date::timestamp AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC'))
       AND ($4::text = '' OR a.created_at < ((($4::text)::date + 1)::timestamp AT TIME ZONE 'Europe/Paris' AT TIME ZONE 'UTC'))`,
    schoolId,
    query.action,
    query.from,
    query.to,
  );
  return rows[0]?.n ?? 0;
}

function toEntry(row: Row): JournalEntry {
  const data =
    row.data && typeof row.data === "object" && !Array.isArray(row.data) ? (row.data as Record<string, unknown>) : {};
  const role = typeof data.role === "string" ? data.role : (row.member_role ?? null);
  return {
    id: row.id,
    createdAt: row.created_at,
    action: row.action,
    actor:
      row.first_name !== null && row.last_name !== null ? { firstName: row.first_name, lastName: row.last_name } : null,
    role,
    targetType: row.target_type,
    targetId: row.target_id,
    count: typeof data.count === "number" ? data.count : null,
  };
}

/** The actions the school's journal holds, for the filter. */
export async function listJournalActions(schoolId: AuthorizedSchoolId): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ action: string }[]>(
    "SELECT DISTINCT action FROM audit_logs WHERE school_id = $1::int ORDER BY action",
    schoolId,
  );
  return rows.map((row) => row.action);
}
