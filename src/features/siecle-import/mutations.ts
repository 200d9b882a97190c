import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import { type DbClient, Prisma, prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/logger";

import { planImport } from "./domain/plan-import";
import { readRegisterFile } from "./domain/read-register";
import type { ExistingLearner, ImportOutcome, ImportPlan, RegisterLearner, RegisterReadResult } from "./types";

/** First key of `pg_advisory_xact_lock(int, int)`: "SIECLE import"; the second is the school id. */
const IMPORT_LOCK_NAMESPACE = 0x51ec1e;
const DEFAULT_LOCK_WAIT_MS = 30_000;
/** An import of a 20 MB file takes a few seconds; Prisma's 5 s default would cut it short. */
const TRANSACTION_TIMEOUT_MS = 120_000;
export const SIECLE_IMPORT_AUDIT_ACTION = "siecle.import";

export type ImportSiecleFileOptions = {
  schoolId: number;
  /** The ADMIN (or operator account) importing; null for the operator CLI without an account. */
  actorUserId: number | null;
  fileName: string;
  bytes: Uint8Array;
  /** Computes the preview without applying it. Validation errors are still recorded. */
  dryRun: boolean;
  /** How long to wait for another import of the same school to finish before answering BUSY. */
  lockWaitMs?: number;
  /** Birth dates after this day are refused; defaults to now. */
  today?: Date;
};

/**
 * Reads a register file and, when it is valid and this is not a dry run, applies it to the
 * school's learners in one transaction (domain.md §3). Bad files are an outcome, not an
 * exception: every error comes back in French and nothing is written but the import record.
 */
export async function importSiecleFile(options: ImportSiecleFileOptions): Promise<ImportOutcome> {
  const school = await prisma.school.findFirst({
    where: { id: options.schoolId, archivedAt: null },
    select: { id: true, uai: true },
  });
  if (!school) throw new DomainError("NOT_FOUND");

  const register = readRegisterFile(options.bytes, { expectedUai: school.uai, today: options.today });
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
    const plan = planImport(await loadExistingLearners(prisma, school.id), register);
    return outcome("DRY_RUN", plan, null);
  }

  try {
    const { plan, importId } = await prisma.$transaction(
      async (tx) => {
        await lockSchoolImports(tx, school.id, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
        // Planned inside the lock: another import of this school cannot change the rows meanwhile.
        const plan = planImport(await loadExistingLearners(tx, school.id), register);
        await createLearners(tx, school.id, plan.toCreate);
        await updateLearners(tx, school.id, plan.toUpdate);
        await disableLearners(tx, school.id, plan.toDisable);
        const importId = await recordImport(tx, options, format, "IMPORTED", plan);
        return { plan, importId };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
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
  const bytes = await readFile(options.filePath);
  return importSiecleFile({
    schoolId: options.schoolId,
    actorUserId: options.actorUserId,
    fileName: path.basename(options.filePath),
    bytes,
    dryRun: options.dryRun ?? false,
  });
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

type Tx = Prisma.TransactionClient;

/**
 * Imports of one school queue behind each other (never interleave); the lock is released with
 * the transaction. Waiting is bounded so a stuck import yields a clear BUSY, not a hung request.
 */
async function lockSchoolImports(tx: Tx, schoolId: number, waitMs: number): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(waitMs))}`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_NAMESPACE}::int, ${schoolId}::int)`;
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = 0`);
}

/** PostgreSQL's lock_not_available (55P03), however deep the driver and Prisma wrapped it. */
function isLockTimeout(error: unknown, depth = 0): boolean {
  if (depth > 6 || typeof error !== "object" || error === null) return false;
  const e = error as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
  if (e.code === "55P03" || e.originalCode === "55P03") return true;
  if (typeof e.message === "string" && /55P03|lock timeout/.test(e.message)) return true;
  return isLockTimeout(e.cause, depth + 1) || isLockTimeout(e.meta, depth + 1);
}

async function loadExistingLearners(db: DbClient, schoolId: number): Promise<ExistingLearner[]> {
  const rows = await db.learner.findMany({
    where: { schoolId },
    select: {
      id: true,
      nationalStudentId: true,
      siecleStudentId: true,
      firstName: true,
      middleName: true,
      thirdName: true,
      lastName: true,
      preferredLastName: true,
      sex: true,
      birthdate: true,
      birthCityCode: true,
      birthCity: true,
      birthProvinceCode: true,
      birthCountryCode: true,
      mefCode: true,
      status: true,
      division: true,
      isDisabled: true,
    },
  });
  // A @db.Date comes back as UTC midnight: its ISO day is the stored calendar date.
  return rows.map((row) => ({ ...row, birthdate: row.birthdate.toISOString().slice(0, 10) }));
}

/** One array per column, for `unnest`: one statement whatever the number of learners. */
function columns(learners: readonly RegisterLearner[]) {
  return {
    ine: learners.map((l) => l.nationalStudentId),
    siecleId: learners.map((l) => l.siecleStudentId),
    firstName: learners.map((l) => l.firstName),
    middleName: learners.map((l) => l.middleName),
    thirdName: learners.map((l) => l.thirdName),
    lastName: learners.map((l) => l.lastName),
    preferredLastName: learners.map((l) => l.preferredLastName),
    sex: learners.map((l) => l.sex),
    birthdate: learners.map((l) => l.birthdate),
    birthCityCode: learners.map((l) => l.birthCityCode),
    birthCity: learners.map((l) => l.birthCity),
    birthProvinceCode: learners.map((l) => l.birthProvinceCode),
    birthCountryCode: learners.map((l) => l.birthCountryCode),
    mefCode: learners.map((l) => l.mefCode),
    status: learners.map((l) => l.status),
    division: learners.map((l) => l.division),
  };
}

/**
 * Newcomers. A pupil already linked to a user in another school, with the same INE and birth
 * date, is a school changer: the new row gets that user, so they arrive already signed up.
 */
async function createLearners(tx: Tx, schoolId: number, learners: readonly RegisterLearner[]): Promise<void> {
  if (learners.length === 0) return;
  const c = columns(learners);
  await tx.$executeRaw`
    INSERT INTO learners (
      school_id, national_student_id, siecle_student_id, first_name, middle_name, third_name, last_name,
      preferred_last_name, sex, birthdate, birth_city_code, birth_city, birth_province_code,
      birth_country_code, mef_code, status, division, is_disabled, user_id, created_at, updated_at
    )
    SELECT ${schoolId}::int, v.ine, v.siecle_id, v.first_name, v.middle_name, v.third_name, v.last_name,
      v.preferred_last_name, v.sex, v.birthdate::date, v.birth_city_code, v.birth_city, v.birth_province_code,
      v.birth_country_code, v.mef_code, v.status, v.division, false,
      (
        SELECT other.user_id FROM learners other
        WHERE other.national_student_id = v.ine AND other.birthdate = v.birthdate::date
          AND other.school_id <> ${schoolId}::int AND other.user_id IS NOT NULL
        ORDER BY other.updated_at DESC, other.id DESC
        LIMIT 1
      ),
      now(), now()
    FROM unnest(
      ${c.ine}::text[], ${c.siecleId}::text[], ${c.firstName}::text[], ${c.middleName}::text[],
      ${c.thirdName}::text[], ${c.lastName}::text[], ${c.preferredLastName}::text[], ${c.sex}::text[],
      ${c.birthdate}::text[], ${c.birthCityCode}::text[], ${c.birthCity}::text[], ${c.birthProvinceCode}::text[],
      ${c.birthCountryCode}::text[], ${c.mefCode}::text[], ${c.status}::text[], ${c.division}::text[]
    ) AS v(ine, siecle_id, first_name, middle_name, third_name, last_name, preferred_last_name, sex,
           birthdate, birth_city_code, birth_city, birth_province_code, birth_country_code, mef_code,
           status, division)`;
}

/**
 * Known INEs: the imported fields are rewritten in place and the row re-enabled. The row id and
 * `user_id` are never written, so participations, answers and account links stay as they are.
 */
async function updateLearners(tx: Tx, schoolId: number, updates: ImportPlan["toUpdate"]): Promise<void> {
  if (updates.length === 0) return;
  const ids = updates.map((u) => u.id);
  const c = columns(updates.map((u) => u.learner));
  await tx.$executeRaw`
    UPDATE learners AS l SET
      siecle_student_id = COALESCE(v.siecle_id, l.siecle_student_id),
      first_name = v.first_name, middle_name = v.middle_name, third_name = v.third_name,
      last_name = v.last_name, preferred_last_name = v.preferred_last_name, sex = v.sex,
      birthdate = v.birthdate::date, birth_city_code = v.birth_city_code, birth_city = v.birth_city,
      birth_province_code = v.birth_province_code, birth_country_code = v.birth_country_code,
      mef_code = v.mef_code, status = v.status, division = v.division,
      is_disabled = false, updated_at = now()
    FROM unnest(
      ${ids}::int[], ${c.siecleId}::text[], ${c.firstName}::text[], ${c.middleName}::text[],
      ${c.thirdName}::text[], ${c.lastName}::text[], ${c.preferredLastName}::text[], ${c.sex}::text[],
      ${c.birthdate}::text[], ${c.birthCityCode}::text[], ${c.birthCity}::text[], ${c.birthProvinceCode}::text[],
      ${c.birthCountryCode}::text[], ${c.mefCode}::text[], ${c.status}::text[], ${c.division}::text[]
    ) AS v(id, siecle_id, first_name, middle_name, third_name, last_name, preferred_last_name, sex,
           birthdate, birth_city_code, birth_city, birth_province_code, birth_country_code, mef_code,
           status, division)
    WHERE l.id = v.id AND l.school_id = ${schoolId}::int`;
}

/** Learners absent from the file: disabled, never deleted (their work and links remain). */
async function disableLearners(tx: Tx, schoolId: number, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.$executeRaw`
    UPDATE learners SET is_disabled = true, updated_at = now()
    WHERE school_id = ${schoolId}::int AND id = ANY(${[...ids]}::int[])`;
}

async function recordImport(
  db: DbClient,
  options: ImportSiecleFileOptions,
  format: string,
  status: "IMPORTED" | "VALIDATION_ERROR" | "FAILED",
  plan: ImportPlan | null,
  register?: RegisterReadResult,
): Promise<number> {
  const counts = plan?.counts ?? { created: 0, updated: 0, disabled: 0, skipped: register ? totalSkipped(register) : 0 };
  const errors = register?.errors ?? [];
  const row = await db.siecleImport.create({
    data: {
      schoolId: options.schoolId,
      createdById: options.actorUserId,
      fileName: options.fileName.slice(0, 255),
      format,
      status,
      createdCount: counts.created,
      updatedCount: counts.updated,
      disabledCount: counts.disabled,
      skippedCount: counts.skipped,
      divisions: plan?.divisions ?? [],
      errors,
    },
    select: { id: true },
  });
  // Counts and technical ids only: the audit trail never holds names, INE or birth dates.
  await db.auditLog.create({
    data: {
      schoolId: options.schoolId,
      actorUserId: options.actorUserId,
      action: SIECLE_IMPORT_AUDIT_ACTION,
      targetType: "siecle_import",
      targetId: String(row.id),
      data: { status, format, ...counts, errorCount: errors.length, divisionCount: plan?.divisions.length ?? 0 },
    },
  });
  return row.id;
}

async function recordRejectedImport(options: ImportSiecleFileOptions, format: string, register: RegisterReadResult): Promise<number> {
  return prisma.$transaction((tx) => recordImport(tx, options, format, "VALIDATION_ERROR", null, register));
}

async function recordFailedImport(options: ImportSiecleFileOptions, format: string): Promise<number> {
  return prisma.$transaction((tx) => recordImport(tx, options, format, "FAILED", null));
}
