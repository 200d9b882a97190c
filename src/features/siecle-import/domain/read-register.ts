/**
 * Reads a register file (SIECLE XML, SIECLE zip or CSV template) into validated learners,
 * skip counts and every error, without touching a database.
 */

import type { ImportError, RegisterFormat, RegisterLearner, RegisterReadResult, SkippedCounts } from "../types";
import { looksGarbled } from "./decode-text";
import { detectKind } from "./detect-format";
import { importError, RegisterFileError } from "./import-errors";
import { MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, toMegabytes } from "./limits";
import { readCsv } from "./parse-csv";
import { readSiecleXml, SiecleXmlReader, type SiecleXmlContent } from "./parse-siecle-xml";
import { inflateZipEntry, listZipEntries, pickXmlEntry } from "./read-zip";
import { isoDateOf, normaliseNationalStudentId, validateLearnerRecord } from "./validate-learner";

export type ReadRegisterOptions = {
  /** The school's UAI; SIECLE files must name it (`PARAMETRES/UAJ`). Omit to skip the check. */
  expectedUai?: string | null;
  /** Birth dates after this day are refused. Defaults to now. */
  today?: Date;
  maxUploadBytes?: number;
  maxUnpackedBytes?: number;
};

export const noSkips = (): SkippedCounts => ({ LEFT_SCHOOL: 0, NO_NATIONAL_STUDENT_ID: 0, NO_DIVISION: 0 });

const failed = (format: RegisterFormat | null, error: ImportError): RegisterReadResult => ({
  format,
  uai: null,
  learners: [],
  skipped: noSkips(),
  errors: [error],
});

export function readRegisterFile(bytes: Uint8Array, options: ReadRegisterOptions = {}): RegisterReadResult {
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const today = isoDateOf(options.today ?? new Date());
  if (bytes.length > maxUpload) {
    return failed(null, importError("PAYLOAD_TOO_LARGE", {}, { variant: "UPLOAD", maxMegabytes: toMegabytes(maxUpload) }));
  }

  const kind = detectKind(bytes);
  const format: RegisterFormat | null = kind === "ZIP" || kind === "XML" || kind === "CSV" ? kind : null;
  try {
    switch (kind) {
      case "EMPTY":
        return failed(null, importError("EMPTY", {}, { variant: "ZERO_BYTES" }));
      case "BINARY":
        return failed(null, importError("INVALID_FILE", {}, { variant: "NOT_A_REGISTER" }));
      case "CSV": {
        const { learners, errors } = readCsv(bytes, today);
        return finish({ format: "CSV", uai: null, learners, skipped: noSkips(), errors });
      }
      case "XML":
        return finish(fromSiecle("XML", readSiecleXml(bytes), options.expectedUai, today));
      case "ZIP": {
        const entry = pickXmlEntry(listZipEntries(bytes));
        const reader = new SiecleXmlReader();
        inflateZipEntry(bytes, entry, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES, (chunk) => reader.push(chunk));
        return finish(fromSiecle("ZIP", reader.end(), options.expectedUai, today));
      }
    }
  } catch (error) {
    if (error instanceof RegisterFileError) return failed(format, error.error);
    throw error;
  }
}

/** A well-formed file with nobody to import would disable the whole school: refuse it. */
function finish(result: RegisterReadResult): RegisterReadResult {
  if (result.errors.length === 0 && result.learners.length === 0) {
    return { ...result, errors: [importError("EMPTY", {}, { variant: "NO_RECORD" })] };
  }
  return result;
}

/** Skip rules, joins structures to students by ELEVE_ID, validates, and finds duplicate INEs. */
function fromSiecle(
  format: "XML" | "ZIP",
  content: SiecleXmlContent,
  expectedUai: string | null | undefined,
  today: string,
): RegisterReadResult {
  const errors: ImportError[] = [];
  if (expectedUai !== undefined && expectedUai !== null) {
    const schoolUai = expectedUai.toUpperCase();
    if (!content.uai) errors.push(importError("UAI_MISMATCHED", { field: "UAJ" }, { variant: "NO_UAJ", schoolUai }));
    else if (content.uai !== schoolUai)
      errors.push(importError("UAI_MISMATCHED", { field: "UAJ" }, { fileUai: content.uai, schoolUai }));
  }

  const skipped = noSkips();
  const kept: RegisterLearner[] = [];
  const occurrences = new Map<string, number>();
  let garbledReported = false;

  for (const { record, hasLeft } of content.students) {
    if (hasLeft) {
      skipped.LEFT_SCHOOL++;
      continue;
    }
    if (!record.nationalStudentId) {
      skipped.NO_NATIONAL_STUDENT_ID++;
      continue;
    }
    const division = record.siecleStudentId ? content.divisionByStudentId.get(record.siecleStudentId) : undefined;
    if (!division) {
      skipped.NO_DIVISION++;
      continue;
    }
    const ine = normaliseNationalStudentId(record.nationalStudentId);
    occurrences.set(ine, (occurrences.get(ine) ?? 0) + 1);

    // One report is enough: a wrongly declared encoding garbles every accented name alike.
    if (!garbledReported && Object.values(record).some((value) => value && looksGarbled(value))) {
      garbledReported = true;
      errors.push(importError("ENCODING_NOT_SUPPORTED", { nationalStudentId: ine }, { variant: "GARBLED" }));
    }

    const { learner, errors: recordErrors } = validateLearnerRecord({ ...record, division }, { format: "XML" }, today);
    errors.push(...recordErrors);
    if (learner) kept.push(learner);
  }

  for (const [ine, count] of occurrences) {
    if (count > 1) errors.push(importError("INE_UNIQUE", { nationalStudentId: ine, field: "ID_NATIONAL" }));
  }
  return { format, uai: content.uai, learners: kept, skipped, errors };
}
