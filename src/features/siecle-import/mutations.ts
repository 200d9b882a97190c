import "server-only";

import { createReadStream } from "node:fs";
import path from "node:path";

import type pg from "pg";

import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { pgPool, withPgTransaction } from "@/lib/pg-pool";

import { planImport } from "./domain/plan-import";
import { readRegisterFile, readRegisterStream } from "./domain/read-register";
import { type LinkedLearnerElsewhere, type NewLearnerRow, pickSchoolChangerLinks } from "./domain/school-changer-links";
import type { ExistingLearner, ImportOutcome, ImportPlan, RegisterLearner, RegisterReadResult } from "./types";

/** First key of `pg_advisory_xact_lock(int, int)`: "SIECLE import"; the second is the school id. */
const IMPORT_LOCK_NAMESPACE = 0x51ec1e;
const DEFAULT_LOCK_WAIT_MS = 30_000;
/** An import of a 20 MB file takes a few seconds; a statement running this long is stuck. */
const STATEMENT_TIMEOUT_MS = 120_000;
/**
 * Learners per INSERT or UPDATE: each statement is still set-based (`unnest` of one array per
 * column), but its parameters stay a few hundred kB instead of the whole file at once.
 */
const BATCH_SIZE = 2_000;
export const SIECLE_IMPORT_AUDIT_ACTION = "siecle.import";
/** One entry per new row linked to a school changer's existing account (ids only). */
export const SCHOOL_CHANGER_LINK_AUDIT_ACTION = "siecle.learner_linked";

export type ImportSiecleFileOptions = {
  schoolId: number;
  /** The ADMIN (or operator account) importing; null for the operator CLI without an account. */
  actorUserId: number | null;
  fileName: string;
  /**
   * The file, whole or as a stream of chunks. A stream (a file on disk, an upload) is parsed as
   * it arrives, so a 20 MB XML is never held in memory at once.
   */
  bytes: Uint8Array | AsyncIterable<Uint8Array>;
  /** Computes the preview without applying it. Validation errors are still recorded. */
  dryRun: boolean;
  /** How long to wait for another import of the same school to finish before answering BUSY. */
  lockWaitMs?: number;
  /** Birth dates after this day are refused; defaults to now. */
  today?: Date;
};

/**
 * Reads a register file and, when it is valid and this is not a dry run, applies it to the
 * school's learners in one transaction (docs/domain.md §3). Bad files are an outcome, not an
 * exception: every error comes back in French and nothing is written but the import record.
 *
 * The database is reached through the pg pool directly, not Prisma: Prisma's driver adapter
 * keeps every query's parameters for its error reports (tens of MB for a large lycée), and the
 * operator command line then never loads Prisma's client at all.
 */
export async function importSiecleFile(options: ImportSiecleFileOptions): Promise<ImportOutcome> {
  const { rows } = await pgPool().query<{ id: number; uai: string }>(
    "SELECT id, uai FROM schools WHERE id = $1 AND archived_at IS NULL",
    [options.schoolId],
  );
  const school = rows[0];
  if (!school) {
    await discard(options.bytes);
    throw new DomainError("NOT_FOUND");
  }

  const readOptions = { expectedUai: school.uai, today: options.today };
  const register =
    options.bytes instanceof Uint8Array
      ? readRegisterFile(options.bytes, readOptions)
      : await readRegisterStream(options.bytes, readOptions);
  const format = register.format ?? "UNKNOWN";

  if (register.errors.length > 0) {
    const importId = await recordRejectedImport(options, format, register);
    logger.info("siecle_import.rejected", { schoolId: school.id, importId, errorCount: register.errors.length, format });
    return {
      status: "VALIDATION_ERROR",
      created: 0,
      updated: 0,
      disabled: 0,
      skipped: totalSkipped(register),
      divisions: [],
      errors: register.errors,
      skippedByReason: register.skipped,
      unchanged: 0,
      importId,
    };
  }

  if (options.dryRun) {
    const plan = planImport(await loadExistingLearners(pgPool(), school.id), register);
    return outcome("DRY_RUN", plan, null);
  }

  try {
    const { plan, importId } = await withPgTransaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      await lockSchoolImports(tx, school.id, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
      // Planned inside the lock: another import of this school cannot change the rows meanwhile.
      const plan = planImport(await loadExistingLearners(tx, school.id), register);
      await createLearners(tx, school.id, plan.toCreate, options.actorUserId);
      await updateLearners(tx, school.id, plan.toUpdate);
      await disableLearners(tx, school.id, plan.toDisable);
      const importId = await recordImport(tx, options, format, "IMPORTED", plan);
      return { plan, importId };
    });
    logger.info("siecle_import.imported", { schoolId: school.id, importId, format, ...plan.counts });
    return outcome("IMPORTED", plan, importId);
  } catch (error) {
    if (isLockTimeout(error)) {
      throw new DomainError("BUSY", {
        userMessage: "Un autre import de la base élèves est en cours pour cet établissement. Réessayez dans quelques instants.",
        cause: error,
      });
    }
    await recordFailedImport(options, format).catch(() => {});
    // Database messages can quote row values (an INE in a key violation): log codes only.
    logger.error("siecle_import.failed", { schoolId: school.id, format, ...errorCodes(error) });
    throw error;
  }
}

/**
 * For the seed and scripts: imports a file from disk for a school (e.g. the demo base in
 * `prisma/seed-data/`). Same code path and rules as the browser and the CLI.
 */
export async function importSiecleFileFromPath(options: {
  schoolId: number;
  actorUserId: number | null;
  filePath: string;
  dryRun?: boolean;
}): Promise<ImportOutcome> {
  return importSiecleFile({
    schoolId: options.schoolId,
    actorUserId: options.actorUserId,
    fileName: path.basename(options.filePath),
    bytes: createReadStream(options.filePath, { highWaterMark: 64 * 1024 }),
    dryRun: options.dryRun ?? false,
  });
}

/**
 * A stream nobody reads would keep its file or upload open. (An async iterator never started
 * ignores `return()`, hence Node's `destroy` and the web streams' `cancel` first.)
 */
async function discard(source: ImportSiecleFileOptions["bytes"]): Promise<void> {
  if (source instanceof Uint8Array) return;
  const closable = source as { destroy?: () => void; cancel?: () => Promise<void> };
  if (typeof closable.destroy === "function") closable.destroy();
  else if (typeof closable.cancel === "function") await closable.cancel();
  else await source[Symbol.asyncIterator]().return?.();
}

const totalSkipped = (register: RegisterReadResult) => Object.values(register.skipped).reduce((sum, n) => sum + n, 0);

function outcome(status: "IMPORTED" | "DRY_RUN", plan: ImportPlan, importId: number | null): ImportOutcome {
  return { status, ...plan.counts, divisions: plan.divisions, errors: [], skippedByReason: plan.skipped, unchanged: plan.unchanged, importId };
}

function errorCodes(error: unknown): { errorType: string; errorCode: string | null } {
  const e = error as { name?: unknown; code?: unknown; meta?: { code?: unknown } } | null;
  const code = typeof e?.meta?.code === "string" ? e.meta.code : typeof e?.code === "string" ? e.code : null;
  return { errorType: typeof e?.name === "string" ? e.name : "unknown", errorCode: code };
}

type Tx = pg.PoolClient;
type Queryable = pg.Pool | pg.PoolClient;

/** Columns are `timestamp(3)` holding UTC, as Prisma writes them, whatever the server's TimeZone. */
const UTC_NOW = "(now() AT TIME ZONE 'UTC')";

/**
 * Imports of one school queue behind each other (never interleave); the lock is released with
 * the transaction. Waiting is bounded so a stuck import yields a clear BUSY, not a hung request.
 */
async function lockSchoolImports(tx: Tx, schoolId: number, waitMs: number): Promise<void> {
  await tx.query(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
  await tx.query("SELECT pg_advisory_xact_lock($1::int, $2::int)", [IMPORT_LOCK_NAMESPACE, schoolId]);
  await tx.query("SET LOCAL lock_timeout = 0");
}

/** PostgreSQL's lock_not_available (55P03), however deep a driver wrapped it. */
function isLockTimeout(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  if (e.code === "55P03" || e.originalCode === "55P03") return true;
  if (typeof e.message === "string" && /55P03|lock timeout/.test(e.message)) return true;
  return isLockTimeout(e.cause, depth + 1) || isLockTimeout(e.meta, depth + 1);
}

async function loadExistingLearners(db: Queryable, schoolId: number): Promise<ExistingLearner[]> {
  // The birth date as its calendar day (a `date` read by pg would become a local-midnight Date).
  const { rows } = await db.query<ExistingLearner>(
    `SELECT id, national_student_id AS "nationalStudentId", siecle_student_id AS "siecleStudentId",
       first_name AS "firstName", middle_name AS "middleName", third_name AS "thirdName",
       last_name AS "lastName", preferred_last_name AS "preferredLastName", sex,
       to_char(birthdate, 'YYYY-MM-DD') AS birthdate, birth_city_code AS "birthCityCode",
       birth_city AS "birthCity", birth_province_code AS "birthProvinceCode",
       birth_country_code AS "birthCountryCode", mef_code AS "mefCode", status, division,
       is_disabled AS "isDisabled"
     FROM learners WHERE school_id = $1`,
    [schoolId],
  );
  return rows;
}

/** One array per column, for `unnest`: one statement per batch whatever its size. */
function columns(learners: readonly RegisterLearner[]): unknown[] {
  const column = (pick: (l: RegisterLearner) => string | null) => learners.map(pick);
  return [
    column((l) => l.nationalStudentId),
    column((l) => l.siecleStudentId),
    column((l) => l.firstName),
    column((l) => l.middleName),
    column((l) => l.thirdName),
    column((l) => l.lastName),
    column((l) => l.preferredLastName),
    column((l) => l.sex),
    column((l) => l.birthdate),
    column((l) => l.birthCityCode),
    column((l) => l.birthCity),
    column((l) => l.birthProvinceCode),
    column((l) => l.birthCountryCode),
    column((l) => l.mefCode),
    column((l) => l.status),
    column((l) => l.division),
  ];
}

/** `$first::text[], …` for the 16 columns of `columns()`, numbered from `first`. */
const columnParameters = (first: number) => Array.from({ length: 16 }, (_, i) => `$${first + i}::text[]`).join(", ");

const INCOMING_COLUMNS = `ine, siecle_id, first_name, middle_name, third_name, last_name, preferred_last_name, sex,
  birthdate, birth_city_code, birth_city, birth_province_code, birth_country_code, mef_code, status, division`;

async function inBatches<T>(items: readonly T[], run: (batch: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < items.length; at += BATCH_SIZE) await run(items.slice(at, at + BATCH_SIZE));
}

/**
 * Newcomers, created unlinked. A pupil already linked to a user in another school, with the same
 * INE, the same birth date and names equal after normalisation, is a school changer: the new row
 * then gets that user (they arrive already signed up), and each such link is audit-logged.
 */
async function createLearners(tx: Tx, schoolId: number, learners: readonly RegisterLearner[], actorUserId: number | null): Promise<void> {
  await inBatches(learners, async (batch) => {
    const { rows } = await tx.query<NewLearnerRow>(
      `INSERT INTO learners (
        school_id, national_student_id, siecle_student_id, first_name, middle_name, third_name, last_name,
        preferred_last_name, sex, birthdate, birth_city_code, birth_city, birth_province_code,
        birth_country_code, mef_code, status, division, is_disabled, user_id, created_at, updated_at
      )
      SELECT $1::int, v.ine, v.siecle_id, v.first_name, v.middle_name, v.third_name, v.last_name,
        v.preferred_last_name, v.sex, v.birthdate::date, v.birth_city_code, v.birth_city, v.birth_province_code,
        v.birth_country_code, v.mef_code, v.status, v.division, false, NULL, ${UTC_NOW}, ${UTC_NOW}
      FROM unnest(${columnParameters(2)}) AS v(${INCOMING_COLUMNS})
      RETURNING id, national_student_id AS "nationalStudentId", to_char(birthdate, 'YYYY-MM-DD') AS birthdate,
        first_name AS "firstName", last_name AS "lastName", preferred_last_name AS "preferredLastName"`,
      [schoolId, ...columns(batch)],
    );
    await linkSchoolChangers(tx, schoolId, rows, actorUserId);
  });
}

async function linkSchoolChangers(tx: Tx, schoolId: number, created: readonly NewLearnerRow[], actorUserId: number | null): Promise<void> {
  if (created.length === 0) return;
  const { rows: elsewhere } = await tx.query<LinkedLearnerElsewhere>(
    `SELECT id, school_id AS "schoolId", user_id AS "userId", national_student_id AS "nationalStudentId",
       to_char(birthdate, 'YYYY-MM-DD') AS birthdate, first_name AS "firstName", middle_name AS "middleName",
       third_name AS "thirdName", last_name AS "lastName", preferred_last_name AS "preferredLastName"
     FROM learners
     WHERE national_student_id = ANY($2::text[]) AND school_id <> $1::int AND user_id IS NOT NULL
     ORDER BY updated_at DESC, id DESC`,
    [schoolId, created.map((row) => row.nationalStudentId)],
  );
  const links = pickSchoolChangerLinks(created, elsewhere);
  if (links.length === 0) return;
  const parameters = [
    schoolId,
    links.map((link) => link.learnerId),
    links.map((link) => link.userId),
    links.map((link) => link.sourceLearnerId),
    links.map((link) => link.sourceSchoolId),
  ];
  await tx.query(
    `UPDATE learners AS l SET user_id = v.user_id
     FROM unnest($2::int[], $3::int[]) AS v(id, user_id)
     WHERE l.id = v.id AND l.school_id = $1::int AND l.user_id IS NULL`,
    parameters.slice(0, 3),
  );
  // Ids only: the audit trail never holds names, INE or birth dates.
  await tx.query(
    `INSERT INTO audit_logs (school_id, actor_user_id, action, target_type, target_id, data, created_at)
     SELECT $1::int, $6::int, $7, 'learner', v.id::text,
       jsonb_build_object('userId', v.user_id, 'sourceLearnerId', v.source_id, 'sourceSchoolId', v.source_school_id), ${UTC_NOW}
     FROM unnest($2::int[], $3::int[], $4::int[], $5::int[]) AS v(id, user_id, source_id, source_school_id)`,
    [...parameters, actorUserId, SCHOOL_CHANGER_LINK_AUDIT_ACTION],
  );
}

/**
 * Known INEs: the imported fields are rewritten in place and the row re-enabled. The row id and
 * `user_id` are never written, so participations, answers and account links stay as they are.
 */
async function updateLearners(tx: Tx, schoolId: number, updates: ImportPlan["toUpdate"]): Promise<void> {
  await inBatches(updates, (batch) =>
    tx.query(
      `UPDATE learners AS l SET
        siecle_student_id = COALESCE(v.siecle_id, l.siecle_student_id),
        first_name = v.first_name, middle_name = v.middle_name, third_name = v.third_name,
        last_name = v.last_name, preferred_last_name = v.preferred_last_name, sex = v.sex,
        birthdate = v.birthdate::date, birth_city_code = v.birth_city_code, birth_city = v.birth_city,
        birth_province_code = v.birth_province_code, birth_country_code = v.birth_country_code,
        mef_code = v.mef_code, status = v.status, division = v.division,
        is_disabled = false, updated_at = ${UTC_NOW}
      FROM unnest($2::int[], ${columnParameters(3)}) AS v(id, ${INCOMING_COLUMNS})
      WHERE l.id = v.id AND l.school_id = $1::int`,
      [schoolId, batch.map((u) => u.id), ...columns(batch.map((u) => u.learner))],
    ),
  );
}

/** Learners absent from the file: disabled, never deleted (their work and links remain). */
async function disableLearners(tx: Tx, schoolId: number, ids: readonly number[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.query(`UPDATE learners SET is_disabled = true, updated_at = ${UTC_NOW} WHERE school_id = $1::int AND id = ANY($2::int[])`, [
      schoolId,
      batch,
    ]),
  );
}

async function recordImport(
  db: Tx,
  options: ImportSiecleFileOptions,
  format: string,
  status: "IMPORTED" | "VALIDATION_ERROR" | "FAILED",
  plan: ImportPlan | null,
  register?: RegisterReadResult,
): Promise<number> {
  const counts = plan?.counts ?? { created: 0, updated: 0, disabled: 0, skipped: register ? totalSkipped(register) : 0 };
  const errors = register?.errors ?? [];
  // JSON columns get JSON text: pg would turn a JS array into a PostgreSQL array literal.
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO siecle_imports (school_id, created_by_id, file_name, format, status, created_count, updated_count,
       disabled_count, skipped_count, divisions, errors, created_at)
     VALUES ($1, $2, $3, $4, $5::"ImportStatus", $6, $7, $8, $9, $10::jsonb, $11::jsonb, ${UTC_NOW})
     RETURNING id`,
    [
      options.schoolId,
      options.actorUserId,
      options.fileName.slice(0, 255),
      format,
      status,
      counts.created,
      counts.updated,
      counts.disabled,
      counts.skipped,
      JSON.stringify(plan?.divisions ?? []),
      JSON.stringify(errors),
    ],
  );
  const id = rows[0]!.id;
  // Counts and technical ids only: the audit trail never holds names, INE or birth dates.
  const data = { status, format, ...counts, errorCount: errors.length, divisionCount: plan?.divisions.length ?? 0 };
  await db.query(
    `INSERT INTO audit_logs (school_id, actor_user_id, action, target_type, target_id, data, created_at)
     VALUES ($1, $2, $3, 'siecle_import', $4, $5::jsonb, ${UTC_NOW})`,
    [options.schoolId, options.actorUserId, SIECLE_IMPORT_AUDIT_ACTION, String(id), JSON.stringify(data)],
  );
  return id;
}

async function recordRejectedImport(options: ImportSiecleFileOptions, format: string, register: RegisterReadResult): Promise<number> {
  return withPgTransaction((tx) => recordImport(tx, options, format, "VALIDATION_ERROR", null, register));
}

async function recordFailedImport(options: ImportSiecleFileOptions, format: string): Promise<number> {
  return withPgTransaction((tx) => recordImport(tx, options, format, "FAILED", null));
}
