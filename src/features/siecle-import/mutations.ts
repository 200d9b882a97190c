import "server-only";

import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { recordAuditBatch } from "@/lib/audit";
import { DomainError, isDomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { pgPool, withPgTransaction } from "@/lib/pg-pool";
import { siecleImportPage } from "@/messages/fr/siecle-import";

import { planImport } from "./domain/plan-import";
import { readRegisterFile, readRegisterStream } from "./domain/read-register";
import { type LinkedLearnerElsewhere, type NewLearnerRow, pickSchoolChangerLinks } from "./domain/school-changer-links";
import type {
  ExistingLearner,
  ImportOutcome,
  ImportPlan,
  RegisterFormat,
  RegisterLearner,
  RegisterReadResult,
  SkippedCounts,
} from "./types";

/** First key of `pg_advisory_xact_lock(int, int)`: "SIECLE import"; the second is the school id. */
export const IMPORT_LOCK_NAMESPACE = 0x51ec1e;
const DEFAULT_LOCK_WAIT_MS = 30_000;
/** An import of a 20 MB file takes a few seconds; a statement running this long is stuck. */
const STATEMENT_TIMEOUT_MS = 120_000;
/**
 * Learners per INSERT of a staged upload: each statement is still set-based (`unnest` of one array per
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
 * The operator CLI, the seed and the bench import this way; the import page stages the file
 * (`stageSiecleImport`) and applies it when its ADMIN confirms (`applyStagedImport`).
 *
 * The database is reached through the pg pool directly, not Prisma: Prisma's driver adapter
 * keeps every query's parameters for its error reports (tens of MB for a large lycée), and the
 * operator command line then never loads Prisma's client at all (docs/decisions/007).
 */
export async function importSiecleFile(options: ImportSiecleFileOptions): Promise<ImportOutcome> {
  const read = await readForSchool(options);
  if (read.rejected) return read.rejected;
  const { school, register, format } = read;

  if (options.dryRun) {
    const plan = planImport(await loadExistingLearners(pgPool(), school.id), register);
    return outcome("DRY_RUN", plan, null);
  }
  return applyInTransaction(options, format, options.lockWaitMs, async () => register);
}

type ReadForSchool =
  | { rejected: ImportOutcome; school?: never; register?: never; format?: never }
  | { rejected: null; school: { id: number; uai: string }; register: RegisterReadResult; format: string };

/** The school (active, else NOT_FOUND), then the file read against its UAI; a bad file is recorded as refused. */
async function readForSchool(options: ImportSiecleFileOptions): Promise<ReadForSchool> {
  const school = await findActiveSchool(pgPool(), options.schoolId);
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

  if (register.errors.length === 0) return { rejected: null, school, register, format };
  const importId = await recordRejectedImport(options, format, register);
  logger.info("siecle_import.rejected", { schoolId: school.id, importId, errorCount: register.errors.length, format });
  return {
    rejected: {
      status: "VALIDATION_ERROR",
      created: 0,
      updated: 0,
      disabled: 0,
      skipped: totalSkipped(register),
      divisions: [],
      errors: register.errors,
      skippedByReason: register.skipped,
      skippedStudents: register.skippedStudents,
      changes: [],
      unchanged: 0,
      importId,
    },
  };
}

async function findActiveSchool(db: Queryable, schoolId: number): Promise<{ id: number; uai: string } | undefined> {
  const { rows } = await db.query<{ id: number; uai: string }>(
    "SELECT id, uai FROM schools WHERE id = $1 AND archived_at IS NULL",
    [schoolId],
  );
  return rows[0];
}

type ImportRecordMeta = Pick<ImportSiecleFileOptions, "schoolId" | "actorUserId" | "fileName">;

/**
 * The all-or-nothing part shared by every way in: one transaction holding the school's import
 * lock, in which the register is obtained (`getRegister`, e.g. from a staged import), planned
 * against the rows as they are now, written and recorded.
 */
async function applyInTransaction(
  meta: ImportRecordMeta,
  format: string,
  lockWaitMs: number | undefined,
  getRegister: (tx: Tx) => Promise<RegisterReadResult>,
): Promise<ImportOutcome> {
  let recordedFormat = format;
  try {
    const { plan, importId } = await withPgTransaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
      await lockSchoolImports(tx, meta.schoolId, lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
      const register = await getRegister(tx);
      recordedFormat = register.format ?? format;
      // Planned inside the lock: another import of this school cannot change the rows meanwhile.
      const plan = planImport(await loadExistingLearners(tx, meta.schoolId), register);
      await copyIncoming(tx, plan);
      await createLearners(tx, meta.schoolId, meta.actorUserId);
      await updateLearners(tx, meta.schoolId);
      await disableLearners(tx, meta.schoolId, plan.toDisable);
      const importId = await recordImport(tx, meta, recordedFormat, "IMPORTED", plan);
      return { plan, importId };
    });
    logger.info("siecle_import.imported", {
      schoolId: meta.schoolId,
      importId,
      format: recordedFormat,
      ...plan.counts,
    });
    return outcome("IMPORTED", plan, importId);
  } catch (error) {
    if (isLockTimeout(error)) {
      throw new DomainError("BUSY", {
        userMessage:
          "Un autre import de la base élèves est en cours pour cet établissement. Réessayez dans quelques instants.",
        cause: error,
      });
    }
    // Expected refusals (a staged import gone) change nothing and are not a failed import.
    if (isDomainError(error)) throw error;
    await recordFailedImport(meta, recordedFormat).catch(() => {});
    // Database messages can quote row values (an INE in a key violation): log codes only.
    logger.error("siecle_import.failed", { schoolId: meta.schoolId, format: recordedFormat, ...errorCodes(error) });
    throw error;
  }
}

/** How long a staged import waits for its ADMIN's confirmation. */
export const STAGED_IMPORT_TTL_MS = 60 * 60 * 1000;
const STAGED_IMPORT_GONE_MESSAGE = siecleImportPage.stagedImportGone;

export type StagedImport = {
  /** DRY_RUN (what confirming would do now) or VALIDATION_ERROR (nothing staged). */
  outcome: ImportOutcome;
  /** The id `applyStagedImport` takes; null when the file was refused. */
  stagedImportId: string | null;
};

/**
 * The upload route's use case: reads the file as it arrives (as `importSiecleFile`), records a
 * refused file, and otherwise stores its validated learners for an hour, bound to the school
 * and the uploader, and answers the preview. Nothing is written to `learners`. The learners are
 * stored as rows of `siecle_import_staged_learners`, 2,000 per statement like the import's own
 * writes (docs/decisions/007): never one 20 MB parameter, never Prisma. A newer file staged by
 * the same person for the same school replaces the older one.
 */
export async function stageSiecleImport(
  options: Omit<ImportSiecleFileOptions, "dryRun" | "lockWaitMs" | "actorUserId"> & { actorUserId: number },
): Promise<StagedImport> {
  const read = await readForSchool({ ...options, dryRun: true });
  if (read.rejected) return { outcome: read.rejected, stagedImportId: null };
  const { school, register, format } = read;

  const plan = planImport(await loadExistingLearners(pgPool(), school.id), register);
  const stagedImportId = randomUUID();
  await withPgTransaction(async (tx) => {
    await tx.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    // One staged import per person and school: a newer file replaces the older preview.
    await tx.query("DELETE FROM siecle_import_stagings WHERE school_id = $1 AND created_by_id = $2", [
      school.id,
      options.actorUserId,
    ]);
    await tx.query(
      `INSERT INTO siecle_import_stagings (${STAGING_COLUMNS.join(", ")})
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, ${UTC_NOW}, ${UTC_NOW} + make_interval(secs => $8))`,
      [
        stagedImportId,
        school.id,
        options.actorUserId,
        options.fileName.slice(0, 255),
        format,
        JSON.stringify(register.skipped),
        register.learners.length,
        STAGED_IMPORT_TTL_MS / 1000,
      ],
    );
    await inBatches(register.learners, (batch, at) =>
      tx.query(
        `INSERT INTO siecle_import_staged_learners (${STAGED_LEARNER_COLUMNS.join(", ")})
         SELECT $1, $2::int + v.n, ${LEARNER_FILE_COLUMNS.map(selectIncoming).join(", ")}
         FROM unnest(${columnParameters(3)}) WITH ORDINALITY AS v(${LEARNER_FILE_COLUMNS.join(", ")}, n)`,
        [stagedImportId, at, ...columns(batch)],
      ),
    );
  });
  logger.info("siecle_import.staged", { schoolId: school.id, format, learnerCount: register.learners.length });
  return { outcome: outcome("DRY_RUN", plan, null), stagedImportId };
}

/**
 * *Confirmer l'import*: applies a staged import in the same all-or-nothing transaction as
 * `importSiecleFile`, planned against the learners as they are now (an import made meanwhile
 * is taken into account, never overwritten with a stale plan). Only its uploader, in its
 * school, before it expires, and once: the staged rows are deleted in the transaction that
 * applies them, under the school's import lock, so parallel confirmations make one import and
 * the others find nothing (NOT_FOUND). A failed import leaves it in place to try again.
 */
export async function applyStagedImport(options: {
  schoolId: number;
  actorUserId: number;
  stagedImportId: string;
  lockWaitMs?: number;
}): Promise<ImportOutcome> {
  const gone = () => new DomainError("NOT_FOUND", { userMessage: STAGED_IMPORT_GONE_MESSAGE });
  if (!(await findActiveSchool(pgPool(), options.schoolId))) throw gone();
  const meta: ImportRecordMeta = { schoolId: options.schoolId, actorUserId: options.actorUserId, fileName: "" };
  return applyInTransaction(meta, "UNKNOWN", options.lockWaitMs, async (tx) => {
    // Under the school's import lock: a parallel confirmation of the same id waits here, then
    // finds the row deleted by the first one's commit.
    const { rows } = await tx.query<{ fileName: string; format: RegisterFormat; skipped: SkippedCounts }>(
      `SELECT file_name AS "fileName", format, skipped FROM siecle_import_stagings
       WHERE id = $1 AND school_id = $2 AND created_by_id = $3 AND expires_at > ${UTC_NOW}
       FOR UPDATE`,
      [options.stagedImportId, options.schoolId, options.actorUserId],
    );
    const staging = rows[0];
    if (!staging) throw gone();
    meta.fileName = staging.fileName;
    const { rows: learners } = await tx.query<RegisterLearner>(
      `SELECT ${LEARNER_FILE_COLUMNS.map(readColumn).join(", ")}
       FROM siecle_import_staged_learners WHERE staging_id = $1 ORDER BY position`,
      [options.stagedImportId],
    );
    // Used once: gone with the import's commit (its learners by cascade), back if it rolls back.
    await tx.query("DELETE FROM siecle_import_stagings WHERE id = $1", [options.stagedImportId]);
    // The preview named who is skipped; the confirmation only counts them (no names staged).
    return { format: staging.format, uai: null, learners, skipped: staging.skipped, skippedStudents: [], errors: [] };
  });
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
  return {
    status,
    ...plan.counts,
    divisions: plan.divisions,
    errors: [],
    skippedByReason: plan.skipped,
    skippedStudents: plan.skippedStudents,
    changes: plan.changes,
    unchanged: plan.unchanged,
    importId,
  };
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

/*
 * The raw writer's column lists. They repeat the Prisma schema (prisma/schema/learners.prisma),
 * so `mutations.integration.test.ts` compares them with PostgreSQL's catalog: a column added to
 * one of these tables fails that test until the writer says what it does with it.
 */

/** The learner fields a register file gives (`RegisterLearner`), in the order of `columns()`. */
export const LEARNER_FILE_COLUMNS = [
  "national_student_id",
  "siecle_student_id",
  "first_name",
  "middle_name",
  "third_name",
  "last_name",
  "preferred_last_name",
  "sex",
  "birthdate",
  "birth_city_code",
  "birth_city",
  "birth_province_code",
  "birth_country_code",
  "mef_code",
  "status",
  "division",
] as const;
type FileColumn = (typeof LEARNER_FILE_COLUMNS)[number];

/** Every column of `learners` but `id`, as `createLearners` fills them. */
export const LEARNER_INSERT_COLUMNS = [
  "school_id",
  ...LEARNER_FILE_COLUMNS,
  "is_disabled",
  // Always NULL on insert: a later import that leaves the learner out sets it (retention, ADR 013).
  "disabled_at",
  "user_id",
  // Always NULL on insert: only an erasure sets it (docs/decisions/012).
  "erased_at",
  "created_at",
  "updated_at",
] as const;
/** What a re-import rewrites on a known INE: never the id, the INE, the school, `user_id` or `created_at`. */
export const LEARNER_UPDATE_COLUMNS = [
  ...LEARNER_FILE_COLUMNS.filter((column) => column !== "national_student_id"),
  "is_disabled",
  "disabled_at",
  "updated_at",
] as const;
/** Every column of `siecle_imports` but `id`. */
export const SIECLE_IMPORT_COLUMNS = [
  "school_id",
  "created_by_id",
  "file_name",
  "format",
  "status",
  "created_count",
  "updated_count",
  "disabled_count",
  "skipped_count",
  "divisions",
  "errors",
  "created_at",
] as const;
/** Every column of `siecle_import_stagings`. */
export const STAGING_COLUMNS = [
  "id",
  "school_id",
  "created_by_id",
  "file_name",
  "format",
  "skipped",
  "learner_count",
  "created_at",
  "expires_at",
] as const;
/** Every column of `siecle_import_staged_learners`. */
export const STAGED_LEARNER_COLUMNS = ["staging_id", "position", ...LEARNER_FILE_COLUMNS] as const;

const FIELD_OF: Record<FileColumn, keyof RegisterLearner> = {
  national_student_id: "nationalStudentId",
  siecle_student_id: "siecleStudentId",
  first_name: "firstName",
  middle_name: "middleName",
  third_name: "thirdName",
  last_name: "lastName",
  preferred_last_name: "preferredLastName",
  sex: "sex",
  birthdate: "birthdate",
  birth_city_code: "birthCityCode",
  birth_city: "birthCity",
  birth_province_code: "birthProvinceCode",
  birth_country_code: "birthCountryCode",
  mef_code: "mefCode",
  status: "status",
  division: "division",
};

/** A column of the `unnest` row `v`, typed for the table (all text but the birth date). */
const selectIncoming = (column: FileColumn) => (column === "birthdate" ? "v.birthdate::date" : `v.${column}`);
/** A column read back as its `RegisterLearner` field; the birth date as its calendar day (a `date` read by pg would become a local-midnight Date). */
const readColumn = (column: FileColumn) =>
  column === "birthdate" ? `to_char(birthdate, 'YYYY-MM-DD') AS birthdate` : `${column} AS "${FIELD_OF[column]}"`;

async function loadExistingLearners(db: Queryable, schoolId: number): Promise<ExistingLearner[]> {
  const { rows } = await db.query<ExistingLearner>(
    `SELECT id, ${LEARNER_FILE_COLUMNS.map(readColumn).join(", ")}, is_disabled AS "isDisabled"
     FROM learners WHERE school_id = $1`,
    [schoolId],
  );
  return rows;
}

/** One array per column of `LEARNER_FILE_COLUMNS`, for `unnest`: one statement per batch whatever its size. */
function columns(learners: readonly RegisterLearner[]): unknown[] {
  return LEARNER_FILE_COLUMNS.map((column) => learners.map((learner) => learner[FIELD_OF[column]]));
}

/** `$first::text[], …` for the arrays of `columns()`, numbered from `first`. */
const columnParameters = (first: number) => LEARNER_FILE_COLUMNS.map((_, i) => `$${first + i}::text[]`).join(", ");

async function inBatches<T>(
  items: readonly T[],
  run: (batch: readonly T[], offset: number) => Promise<unknown>,
): Promise<void> {
  for (let at = 0; at < items.length; at += BATCH_SIZE) await run(items.slice(at, at + BATCH_SIZE), at);
}

/** A value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function copyValue(value: string | null): string {
  if (value === null) return "\\N";
  return value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * The plan's learners to write, in a temporary table of this transaction (`incoming`, no index,
 * dropped at commit), through one COPY: the fastest way into PostgreSQL, with no parameters held
 * by the driver. `target_id` is the row a known INE rewrites, null for a newcomer; `n` keeps the
 * file's order. The writes below are then one set-based statement each.
 */
const COPY_CHUNK_ROWS = 500;

async function copyIncoming(tx: Tx, plan: ImportPlan): Promise<void> {
  await tx.query(
    `CREATE TEMP TABLE incoming (target_id int, n int, ${LEARNER_FILE_COLUMNS.map((column) => `${column} text`).join(", ")})
     ON COMMIT DROP`,
  );
  const rows: [number | null, RegisterLearner][] = [
    ...plan.toCreate.map((learner) => [null, learner] as [null, RegisterLearner]),
    ...plan.toUpdate.map(({ id, learner }) => [id, learner] as [number, RegisterLearner]),
  ];
  if (rows.length === 0) return;
  // Lines go out in chunks of COPY_CHUNK_ROWS: one socket write each, not one per learner.
  function* chunks() {
    let chunk = "";
    for (let n = 1; n <= rows.length; n += 1) {
      const [targetId, learner] = rows[n - 1]!;
      const values = LEARNER_FILE_COLUMNS.map((column) => copyValue(learner[FIELD_OF[column]]));
      chunk += `${targetId === null ? "\\N" : targetId}\t${n}\t${values.join("\t")}\n`;
      if (n % COPY_CHUNK_ROWS === 0) {
        yield chunk;
        chunk = "";
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(
    Readable.from(chunks()),
    tx.query(copyFrom(`COPY incoming (target_id, n, ${LEARNER_FILE_COLUMNS.join(", ")}) FROM STDIN`)),
  );
}

/**
 * Newcomers, created unlinked, in one INSERT … SELECT from `incoming`. A pupil already linked to a
 * user in another school, with the same INE, the same birth date and names equal after
 * normalisation, is a school changer: the new row then gets that user (they arrive already signed
 * up), and each such link is audit-logged.
 */
async function createLearners(tx: Tx, schoolId: number, actorUserId: number | null): Promise<void> {
  const { rows } = await tx.query<NewLearnerRow>(
    `INSERT INTO learners (${LEARNER_INSERT_COLUMNS.join(", ")})
     SELECT $1::int, ${LEARNER_FILE_COLUMNS.map(selectIncoming).join(", ")}, false, NULL, NULL, NULL, ${UTC_NOW}, ${UTC_NOW}
       FROM incoming AS v WHERE v.target_id IS NULL ORDER BY v.n
     RETURNING id, national_student_id AS "nationalStudentId", to_char(birthdate, 'YYYY-MM-DD') AS birthdate,
       first_name AS "firstName", last_name AS "lastName", preferred_last_name AS "preferredLastName"`,
    [schoolId],
  );
  await linkSchoolChangers(tx, schoolId, rows, actorUserId);
}

/**
 * The candidates for a link are found by a join of the newcomers (`incoming`) with the other
 * schools' linked learners on the INE; the exact rule (birth date, normalised names, one
 * candidate) is the pure `pickSchoolChangerLinks`; the links are then one UPDATE.
 */
async function linkSchoolChangers(
  tx: Tx,
  schoolId: number,
  created: readonly NewLearnerRow[],
  actorUserId: number | null,
): Promise<void> {
  if (created.length === 0) return;
  const { rows: elsewhere } = await tx.query<LinkedLearnerElsewhere>(
    `SELECT o.id, o.school_id AS "schoolId", o.user_id AS "userId", o.national_student_id AS "nationalStudentId",
       to_char(o.birthdate, 'YYYY-MM-DD') AS birthdate, o.first_name AS "firstName", o.middle_name AS "middleName",
       o.third_name AS "thirdName", o.last_name AS "lastName", o.preferred_last_name AS "preferredLastName"
     FROM incoming AS v JOIN learners AS o ON o.national_student_id = v.national_student_id
     WHERE v.target_id IS NULL AND o.school_id <> $1::int AND o.user_id IS NOT NULL
     ORDER BY o.updated_at DESC, o.id DESC`,
    [schoolId],
  );
  const links = pickSchoolChangerLinks(created, elsewhere);
  if (links.length === 0) return;
  await tx.query(
    `UPDATE learners AS l SET user_id = v.user_id
     FROM unnest($2::int[], $3::int[]) AS v(id, user_id)
     WHERE l.id = v.id AND l.school_id = $1::int AND l.user_id IS NULL`,
    [schoolId, links.map((link) => link.learnerId), links.map((link) => link.userId)],
  );
  // Ids only: the audit trail never holds names, INE or birth dates.
  await recordAuditBatch(
    tx,
    links.map((link) => ({
      schoolId,
      actorUserId,
      action: SCHOOL_CHANGER_LINK_AUDIT_ACTION,
      targetType: "learner",
      targetId: link.learnerId,
      data: { userId: link.userId, sourceLearnerId: link.sourceLearnerId, sourceSchoolId: link.sourceSchoolId },
    })),
  );
}

/** The new value of an updated column; `siecle_student_id` is kept when the file has none (the CSV). */
function updatedValue(column: (typeof LEARNER_UPDATE_COLUMNS)[number]): string {
  if (column === "siecle_student_id") return "COALESCE(v.siecle_student_id, l.siecle_student_id)";
  if (column === "is_disabled") return "false";
  // Listed again: back at the school, the retention clock stops.
  if (column === "disabled_at") return "NULL";
  if (column === "updated_at") return UTC_NOW;
  return selectIncoming(column);
}

/**
 * Known INEs: the imported fields are rewritten in place and the row re-enabled, in one
 * UPDATE … FROM `incoming`. The row id and `user_id` are never written, so participations,
 * answers and account links stay as they are.
 */
async function updateLearners(tx: Tx, schoolId: number): Promise<void> {
  await tx.query(
    `UPDATE learners AS l SET ${LEARNER_UPDATE_COLUMNS.map((column) => `${column} = ${updatedValue(column)}`).join(", ")}
     FROM incoming AS v
     WHERE l.id = v.target_id AND l.school_id = $1::int`,
    [schoolId],
  );
}

/**
 * Learners absent from the file: disabled, never deleted (their work and links remain). The date
 * they left (`disabled_at`) is the first import that left them out: the retention rule anonymises
 * them 3 months after it (privacy/inventory.ts).
 */
async function disableLearners(tx: Tx, schoolId: number, ids: readonly number[]): Promise<void> {
  await inBatches(ids, (batch) =>
    tx.query(
      `UPDATE learners SET is_disabled = true, disabled_at = COALESCE(disabled_at, ${UTC_NOW}), updated_at = ${UTC_NOW}
       WHERE school_id = $1::int AND id = ANY($2::int[])`,
      [schoolId, batch],
    ),
  );
}

async function recordImport(
  db: Tx,
  meta: ImportRecordMeta,
  format: string,
  status: "IMPORTED" | "VALIDATION_ERROR" | "FAILED",
  plan: ImportPlan | null,
  register?: RegisterReadResult,
): Promise<number> {
  const counts = plan?.counts ?? {
    created: 0,
    updated: 0,
    disabled: 0,
    skipped: register ? totalSkipped(register) : 0,
  };
  const errors = register?.errors ?? [];
  // JSON columns get JSON text: pg would turn a JS array into a PostgreSQL array literal.
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO siecle_imports (${SIECLE_IMPORT_COLUMNS.join(", ")})
     VALUES ($1, $2, $3, $4, $5::"ImportStatus", $6, $7, $8, $9, $10::jsonb, $11::jsonb, ${UTC_NOW})
     RETURNING id`,
    [
      meta.schoolId,
      meta.actorUserId,
      (meta.fileName || "fichier").slice(0, 255),
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
  await recordAuditBatch(db, [
    {
      schoolId: meta.schoolId,
      actorUserId: meta.actorUserId,
      action: SIECLE_IMPORT_AUDIT_ACTION,
      targetType: "siecle_import",
      targetId: id,
      data: { status, format, ...counts, errorCount: errors.length, divisionCount: plan?.divisions.length ?? 0 },
    },
  ]);
  return id;
}

async function recordRejectedImport(
  meta: ImportRecordMeta,
  format: string,
  register: RegisterReadResult,
): Promise<number> {
  return withPgTransaction((tx) => recordImport(tx, meta, format, "VALIDATION_ERROR", null, register));
}

async function recordFailedImport(meta: ImportRecordMeta, format: string): Promise<number> {
  return withPgTransaction((tx) => recordImport(tx, meta, format, "FAILED", null));
}
