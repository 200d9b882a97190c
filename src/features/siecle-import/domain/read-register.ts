/**
 * Reads a register file (SIECLE XML, SIECLE zip or CSV template) into validated learners,
 * skip counts and every error, without touching a database.
 */

import {
  type ImportError,
  LISTED_DETAILS_LIMIT,
  type RegisterFormat,
  type RegisterLearner,
  type RegisterReadResult,
  type SkippedCounts,
  type SkippedStudent,
} from "../types";
import { looksGarbled } from "./decode-text";
import { detectKind, hasUtf8Bom } from "./detect-format";
import { importError, RegisterFileError } from "./import-errors";
import { MAX_UNPACKED_BYTES, MAX_UPLOAD_BYTES, toMegabytes } from "./limits";
import { readCsv } from "./parse-csv";
import { readSiecleXml, SiecleXmlReader, type SiecleStudent, type SiecleXmlContent } from "./parse-siecle-xml";
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
  skippedStudents: [],
  errors: [error],
});

export function readRegisterFile(bytes: Uint8Array, options: ReadRegisterOptions = {}): RegisterReadResult {
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const today = isoDateOf(options.today ?? new Date());
  if (bytes.length > maxUpload) {
    return failed(
      null,
      importError("PAYLOAD_TOO_LARGE", {}, { variant: "UPLOAD", maxMegabytes: toMegabytes(maxUpload) }),
    );
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
        return finish({ format: "CSV", uai: null, learners, skipped: noSkips(), skippedStudents: [], errors });
      }
      case "XML": {
        const register = new SiecleRegister(today);
        return finish(register.result("XML", readSiecleXml(bytes, register.add), options.expectedUai));
      }
      case "ZIP": {
        const entry = pickXmlEntry(listZipEntries(bytes));
        const register = new SiecleRegister(today);
        const reader = new SiecleXmlReader(register.add);
        inflateZipEntry(bytes, entry, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES, (chunk) => reader.push(chunk));
        return finish(register.result("ZIP", reader.end(), options.expectedUai));
      }
    }
  } catch (error) {
    if (error instanceof RegisterFileError) return failed(format, error.error);
    throw error;
  }
}

/** Enough of the file to tell its kind: the magic bytes, the first non-blank byte, the NUL check. */
const HEAD_BYTES = 4096;

const isBlank = (b: number | undefined): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

function hasContent(chunk: Uint8Array, from = 0): boolean {
  for (let i = from; i < chunk.length; i++) if (!isBlank(chunk[i])) return true;
  return false;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const whole = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/**
 * The same reading as `readRegisterFile`, from a stream of chunks (a file on disk, an upload):
 * a SIECLE XML is decoded and parsed as its bytes arrive and is never held whole, nor is its
 * decoded text. A zip (its table of contents is at the end) and a CSV (small, and decoded by
 * trying encodings on the whole text) are gathered first. Reading stops one chunk past the
 * upload limit.
 */
export async function readRegisterStream(
  chunks: AsyncIterable<Uint8Array>,
  options: ReadRegisterOptions = {},
): Promise<RegisterReadResult> {
  const maxUpload = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
  const tooLarge = () =>
    failed(null, importError("PAYLOAD_TOO_LARGE", {}, { variant: "UPLOAD", maxMegabytes: toMegabytes(maxUpload) }));
  const iterator = chunks[Symbol.asyncIterator]();
  let total = 0;
  let ended = false;
  const next = async (): Promise<Uint8Array | null> => {
    const step = await iterator.next();
    if (step.done) {
      ended = true;
      return null;
    }
    total += step.value.length;
    return step.value;
  };

  try {
    const head: Uint8Array[] = [];
    let headLength = 0;
    let blankSoFar = true;
    while (!ended && (headLength < HEAD_BYTES || blankSoFar)) {
      const chunk = await next();
      if (!chunk) break;
      if (total > maxUpload) return tooLarge();
      if (blankSoFar) blankSoFar = !hasContent(chunk, head.length === 0 && hasUtf8Bom(chunk) ? 3 : 0);
      head.push(chunk);
      headLength += chunk.length;
    }
    const start = concat(head, headLength);

    if (detectKind(start) !== "XML") {
      // Whole-file formats: gather the rest, then read as from memory (same checks, same order).
      const rest: Uint8Array[] = [start];
      for (let chunk = await next(); chunk; chunk = await next()) {
        if (total > maxUpload) return tooLarge();
        rest.push(chunk);
      }
      return readRegisterFile(concat(rest, total), options);
    }

    const register = new SiecleRegister(isoDateOf(options.today ?? new Date()));
    const reader = new SiecleXmlReader(register.add);
    let refusal: RegisterFileError | null = null;
    const push = (chunk: Uint8Array) => {
      try {
        reader.push(chunk);
      } catch (error) {
        if (!(error instanceof RegisterFileError)) throw error;
        refusal = error;
      }
    };
    push(start);
    for (let chunk = await next(); chunk; chunk = await next()) {
      // After a refusal the rest is only counted: a file over the limit is refused as such, as
      // when it is read from memory.
      if (total > maxUpload) return tooLarge();
      if (!refusal) push(chunk);
    }
    if (refusal) return failed("XML", (refusal as RegisterFileError).error);
    try {
      return finish(register.result("XML", reader.end(), options.expectedUai));
    } catch (error) {
      if (error instanceof RegisterFileError) return failed("XML", error.error);
      throw error;
    }
  } finally {
    if (!ended) await iterator.return?.();
  }
}

/** A well-formed file with nobody to import would disable the whole school: refuse it. */
function finish(result: RegisterReadResult): RegisterReadResult {
  if (result.errors.length === 0 && result.learners.length === 0) {
    const params = {
      variant: "NO_RECORD",
      skippedCounts: result.skipped,
      skippedStudents: result.skippedStudents,
    } as const;
    return { ...result, errors: [importError("EMPTY", {}, params)] };
  }
  return result;
}

/** A student of the file once validated, waiting for the structures (they may come after it). */
type PendingStudent = {
  /** For the staff, if the pupil turns out to have no class. */
  name: string;
  siecleStudentId: string | undefined;
  ine: string;
  learner: RegisterLearner | null;
  errors: ImportError[];
  looksGarbled: boolean;
};

/**
 * The learners of a SIECLE file, built student by student as the XML is read: each record is
 * validated as soon as it closes and only the validated learner is kept, never the raw records
 * of the whole file beside them. The division and what depends on it (the NO_DIVISION skip, the
 * duplicate INEs, the errors to report) wait for the structures, which SIECLE may put after the
 * students.
 */
class SiecleRegister {
  private readonly skipped = noSkips();
  private readonly pending: PendingStudent[] = [];
  /** Pupils without INE, named for the staff; their class is known once the structures are read. */
  private readonly withoutIne: { name: string; siecleStudentId: string | undefined }[] = [];

  constructor(private readonly today: string) {}

  /** Skip rules that need no structure: left pupils, and pupils without INE. */
  readonly add = ({ record, hasLeft }: SiecleStudent): void => {
    if (hasLeft) {
      this.skipped.LEFT_SCHOOL++;
      return;
    }
    if (!record.nationalStudentId) {
      this.skipped.NO_NATIONAL_STUDENT_ID++;
      if (this.withoutIne.length < LISTED_DETAILS_LIMIT) {
        this.withoutIne.push({ name: nameOf(record), siecleStudentId: record.siecleStudentId });
      }
      return;
    }
    // The division is only required to be there, which `result` checks: any label validates.
    const { learner, errors } = validateLearnerRecord(
      { ...record, division: PENDING_DIVISION },
      { format: "XML" },
      this.today,
    );
    this.pending.push({
      name: nameOf(record),
      siecleStudentId: record.siecleStudentId,
      ine: normaliseNationalStudentId(record.nationalStudentId),
      learner,
      errors,
      looksGarbled: Object.values(record).some((value) => value && looksGarbled(value)),
    });
  };

  /** Joins structures to students by ELEVE_ID, checks the UAI, and finds duplicate INEs. */
  result(format: "XML" | "ZIP", content: SiecleXmlContent, expectedUai: string | null | undefined): RegisterReadResult {
    const errors: ImportError[] = [];
    if (expectedUai !== undefined && expectedUai !== null) {
      const schoolUai = expectedUai.toUpperCase();
      if (!content.uai) errors.push(importError("UAI_MISMATCHED", { field: "UAJ" }, { variant: "NO_UAJ", schoolUai }));
      else if (content.uai !== schoolUai)
        errors.push(importError("UAI_MISMATCHED", { field: "UAJ" }, { fileUai: content.uai, schoolUai }));
    }

    const kept: RegisterLearner[] = [];
    const skippedStudents: SkippedStudent[] = this.withoutIne.map((student) => ({
      reason: "NO_NATIONAL_STUDENT_ID",
      name: student.name,
      division: (student.siecleStudentId && content.divisionByStudentId.get(student.siecleStudentId)) || null,
    }));
    const occurrences = new Map<string, number>();
    let garbledReported = false;
    for (const student of this.pending) {
      const division = student.siecleStudentId ? content.divisionByStudentId.get(student.siecleStudentId) : undefined;
      if (!division) {
        this.skipped.NO_DIVISION++;
        if (skippedStudents.length < LISTED_DETAILS_LIMIT) {
          skippedStudents.push({ reason: "NO_DIVISION", name: student.name, division: null });
        }
        continue;
      }
      occurrences.set(student.ine, (occurrences.get(student.ine) ?? 0) + 1);
      // One report is enough: a wrongly declared encoding garbles every accented name alike.
      if (!garbledReported && student.looksGarbled) {
        garbledReported = true;
        errors.push(importError("ENCODING_NOT_SUPPORTED", { nationalStudentId: student.ine }, { variant: "GARBLED" }));
      }
      errors.push(...student.errors);
      if (student.learner) {
        student.learner.division = division;
        kept.push(student.learner);
      }
    }
    this.pending.length = 0;

    for (const [ine, count] of occurrences) {
      if (count > 1) errors.push(importError("INE_UNIQUE", { nationalStudentId: ine, field: "ID_NATIONAL" }));
    }
    return { format, uai: content.uai, learners: kept, skipped: this.skipped, skippedStudents, errors };
  }
}

/** "Jean DUPONT", as the file spells it (usage name first, as the staff know the pupil). */
function nameOf(record: SiecleStudent["record"]): string {
  const lastName = record.preferredLastName || record.lastName || "";
  return [record.firstName, lastName].filter(Boolean).join(" ") || "(sans nom)";
}

/** Stands for the division while the structures are not read yet; always replaced or dropped. */
const PENDING_DIVISION = "?";
