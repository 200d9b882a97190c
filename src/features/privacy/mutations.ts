import "server-only";

import { createHash } from "node:crypto";

import { assertCan } from "@/lib/abilities";
import { recordAudit } from "@/lib/audit";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { AuthorizedSchoolId } from "@/lib/session";

import { IMPORT_LOCK_NAMESPACE } from "@/features/siecle-import/mutations";

import { bindNamedParameters } from "./domain/named-parameters";
import { ANONYMISED_NAME, INVENTORY, PARAMETER_TYPES, type SubjectParameters, type TableEntry } from "./inventory";
import type { ErasureOutcome, LearnerExport, PrivacyActor } from "./types";

export const LEARNER_EXPORTED_AUDIT_ACTION = "learner.exported";
export const LEARNER_ERASED_AUDIT_ACTION = "learner.erased";

type Tx = Parameters<Parameters<typeof prisma.$transaction>[0]>[0];

const actorUserId = (actor: PrivacyActor) => (actor === "operator" ? null : actor.userId);
const actorKind = (actor: PrivacyActor) => (actor === "operator" ? "OPERATOR" : actor.role);

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * The learner (of this school, not erased) and what identifies them elsewhere: the account, its
 * GAR ids' hashes, whether the account is shared with another school's learner or a staff role.
 */
async function readSubject(
  db: DbClient,
  schoolId: AuthorizedSchoolId,
  learnerId: number,
  options: { lock: boolean },
): Promise<Omit<SubjectParameters, "tombstoneUserId">> {
  const rows = await db.$queryRawUnsafe<
    {
      id: number;
      national_student_id: string;
      first_name: string;
      last_name: string;
      user_id: number | null;
      created_at: Date;
    }[]
  >(
    `SELECT id, national_student_id, first_name, last_name, user_id, created_at FROM learners
     WHERE id = $1::int AND school_id = $2::int AND erased_at IS NULL${options.lock ? " FOR UPDATE" : ""}`,
    learnerId,
    schoolId,
  );
  const learner = rows[0];
  if (!learner) throw new DomainError("NOT_FOUND");
  let identityHashes: string[] = [];
  let accountShared = false;
  if (learner.user_id !== null) {
    const methods = await db.authenticationMethod.findMany({
      where: { userId: learner.user_id, provider: "GAR", externalId: { not: null } },
      select: { externalId: true },
    });
    identityHashes = methods.map((method) => sha256(method.externalId!));
    const [elsewhere, memberships] = await Promise.all([
      db.learner.count({ where: { userId: learner.user_id, id: { not: learner.id }, erasedAt: null } }),
      db.member.count({ where: { userId: learner.user_id } }),
    ]);
    accountShared = elsewhere > 0 || memberships > 0;
  }
  return {
    learnerId: learner.id,
    schoolId,
    userId: learner.user_id,
    ine: learner.national_student_id,
    identityHashes,
    firstName: learner.first_name,
    lastName: learner.last_name,
    learnerCreatedAt: learner.created_at,
    accountShared,
  };
}

function toJson(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  return value;
}

/** The `SELECT` of a table's exported columns for one learner, or null when it has none. */
export function exportQuery(entry: TableEntry): string | null {
  const columns = Object.entries(entry.columns).filter(([, column]) => column.exported);
  if (!entry.rows || columns.length === 0) return null;
  const list = columns.map(([name, column]) => (column.exportAs ? `${column.exportAs} AS "${name}"` : `"${name}"`));
  return `SELECT ${list.join(", ")} FROM "${entry.table}" WHERE ${entry.rows} ORDER BY 1`;
}

export type ExportLearnerOptions = {
  schoolId: AuthorizedSchoolId;
  learnerId: number;
  actor: PrivacyActor;
  now?: Date;
};

/**
 * Right of access and portability: every exported column of every inventory table, for the rows
 * that concern this learner and their account, as JSON. The read itself is audit-logged (ids and
 * counts), in the same transaction.
 */
export async function exportLearnerData(options: ExportLearnerOptions): Promise<LearnerExport> {
  const { schoolId, learnerId, actor, now = new Date() } = options;
  if (actor !== "operator") assertCan(actor, "learners:export");
  const result = await prisma.$transaction(async (tx) => {
    const subject = { ...(await readSubject(tx, schoolId, learnerId, { lock: false })), tombstoneUserId: null };
    const tables: Record<string, Record<string, unknown>[]> = {};
    for (const entry of INVENTORY) {
      const query = exportQuery(entry);
      if (!query) continue;
      const { sql, values } = bindNamedParameters(query, subject, PARAMETER_TYPES);
      tables[entry.table] = toJson(await tx.$queryRawUnsafe(sql, ...values)) as Record<string, unknown>[];
    }
    await recordAudit(
      {
        schoolId,
        actorUserId: actorUserId(actor),
        action: LEARNER_EXPORTED_AUDIT_ACTION,
        targetType: "learner",
        targetId: learnerId,
        data: { by: actorKind(actor), rows: Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, r.length])) },
      },
      tx,
    );
    return tables;
  });
  logger.info("privacy.learner_exported", { schoolId, learnerId, by: actorKind(actor) });
  return {
    format: "pix-orga/learner-export/1",
    exportedAt: now.toISOString(),
    schoolId,
    learnerId,
    tables: result,
  };
}

async function eraseTable(tx: Tx, entry: TableEntry, subject: SubjectParameters): Promise<number> {
  const where = entry.eraseWhere ?? entry.rows;
  if (entry.erase === "keep" || !where) return 0;
  let statement: string;
  if (entry.erase === "delete") {
    statement = `DELETE FROM "${entry.table}" WHERE ${where}`;
  } else {
    const sets = Object.entries(entry.columns).flatMap(([name, column]) =>
      column.erase === "keep" ? [] : [`"${name}" = ${column.erase.set}`],
    );
    statement = `UPDATE "${entry.table}" SET ${sets.join(", ")} WHERE ${where}`;
  }
  const { sql, values } = bindNamedParameters(statement, subject, PARAMETER_TYPES);
  return tx.$executeRawUnsafe(sql, ...values);
}

export type EraseLearnerOptions = {
  schoolId: AuthorizedSchoolId;
  learnerId: number;
  actor: PrivacyActor;
  /** Why, in the audit entry: a request (default), or a retention rule run by the jobs (ADR 013). */
  reason?: "request" | "retention.departed-learner" | "retention.offboarded-school";
};

/**
 * Right to erasure (docs/decisions/012): irreversible, in one transaction, driven by the
 * inventory. The learner's row stays, anonymised and disabled for good (`erased_at`): a re-import
 * of their INE creates a new row instead of bringing the identity back. Participations and
 * right/wrong answers stay as statistics, moved to a fresh anonymous account; the student account
 * is anonymised and its sign-in methods and sessions deleted, unless another school's learner or a
 * staff role uses it (then only this school's traces go). Serialised with the school's SIECLE
 * import (same advisory lock) and with itself (row lock): of two erasures one runs, the other
 * finds nothing (NOT_FOUND). The audit entry holds ids and counts only.
 */
export async function eraseLearner(options: EraseLearnerOptions): Promise<ErasureOutcome> {
  const { schoolId, learnerId, actor, reason = "request" } = options;
  if (actor !== "operator") assertCan(actor, "learners:erase");
  const outcome = await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock($1::int, $2::int)::text", IMPORT_LOCK_NAMESPACE, schoolId);
    const found = await readSubject(tx, schoolId, learnerId, { lock: true });
    const participations = await tx.participation.count({ where: { learnerId } });
    const tombstone =
      participations > 0
        ? await tx.user.create({
            data: { firstName: ANONYMISED_NAME, lastName: ANONYMISED_NAME },
            select: { id: true },
          })
        : null;
    const subject: SubjectParameters = { ...found, tombstoneUserId: tombstone?.id ?? null };
    const rows: Record<string, number> = {};
    for (const entry of INVENTORY) {
      const count = await eraseTable(tx, entry, subject);
      if (count > 0) rows[entry.table] = count;
    }
    const accountErased = found.userId !== null && !found.accountShared;
    await recordAudit(
      {
        schoolId,
        actorUserId: actorUserId(actor),
        action: LEARNER_ERASED_AUDIT_ACTION,
        targetType: "learner",
        targetId: learnerId,
        data: { by: actorKind(actor), reason, accountErased, tombstoneUserId: tombstone?.id ?? null, rows },
      },
      tx,
    );
    return { learnerId, accountErased, rows };
  });
  logger.info("privacy.learner_erased", { schoolId, learnerId, by: actorKind(actor) });
  return outcome;
}
