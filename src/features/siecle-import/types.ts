/** Types of the SIECLE import: what a register file reads into, and what applying it does. */

/** How the file arrived: the bare SIECLE XML, the SIECLE zip holding it, or the CSV template. */
export type RegisterFormat = "XML" | "ZIP" | "CSV";

/**
 * Stable error codes of an import (docs/domain.md §3). They are part of the CLI's JSON output and
 * of the stored `SiecleImport.errors`, so never rename one.
 */
export type ImportErrorCode =
  // whole-file problems
  | "PAYLOAD_TOO_LARGE"
  | "EMPTY"
  | "INVALID_FILE"
  | "WRONG_SIECLE_FILE"
  | "ENCODING_NOT_SUPPORTED"
  | "UAI_MISMATCHED"
  | "BAD_CSV_FORMAT"
  | "HEADER_REQUIRED"
  | "HEADER_UNKNOWN"
  | "HEADER_DUPLICATED"
  // one learner (XML: identified by INE) or one CSV line
  | "INE_UNIQUE"
  | "FIELD_REQUIRED"
  | "FIRST_NAME_REQUIRED"
  | "LAST_NAME_REQUIRED"
  | "BIRTHDATE_REQUIRED"
  | "INVALID_BIRTHDATE_FORMAT"
  | "SEX_CODE_REQUIRED"
  | "SEX_CODE_INVALID"
  | "BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT"
  | "BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT"
  | "INSEE_CODE_INVALID"
  | "COUNTRY_CODE_INVALID"
  | "STATUS_INVALID";

/** One error as stored, shown and printed by the CLI. */
export type ImportError = {
  code: ImportErrorCode;
  /** XML: the learner's INE. CSV: the identifier of the line when it has one. */
  nationalStudentId?: string;
  /** CSV only: 1-based line number in the file (the header is line 1). */
  line?: number;
  /** XML element name (`DATE_NAISS`) or CSV header label (`Date de naissance (jj/mm/aaaa)*`). */
  field?: string;
  /** French, for the school's administrator. */
  message: string;
};

/** Why a record of the file is left out without being an error (docs/domain.md §3). */
export type SkipReason = "LEFT_SCHOOL" | "NO_NATIONAL_STUDENT_ID" | "NO_DIVISION";

export type SkippedCounts = Record<SkipReason, number>;

/** In the order the staff read them. */
export const SKIP_REASONS: readonly SkipReason[] = ["LEFT_SCHOOL", "NO_NATIONAL_STUDENT_ID", "NO_DIVISION"];

/**
 * A pupil of the file left out for a reason the school can fix in SIECLE (no INE, no class),
 * named so that the staff know whom to fix. Pupils who left the school are only counted.
 */
export type SkippedStudent = {
  reason: "NO_NATIONAL_STUDENT_ID" | "NO_DIVISION";
  /** "Jean DUPONT", as the file spells it. */
  name: string;
  /** The class the file gives, when it gives one. */
  division: string | null;
};

/** At most this many skipped pupils or changes are listed; the counts stay exact. */
export const LISTED_DETAILS_LIMIT = 100;

/** One imported field of a known learner that the file changes. */
export type LearnerFieldChange = { field: ImportedField; before: string | null; after: string | null };

/** A known learner the import updates, with what changes (empty for a learner who comes back). */
export type LearnerChange = {
  learnerId: number;
  /** The name as stored before the import, so that the staff recognise the pupil. */
  name: string;
  division: string;
  reEnabled: boolean;
  fields: LearnerFieldChange[];
};

export type ImportedField =
  | "firstName"
  | "middleName"
  | "thirdName"
  | "lastName"
  | "preferredLastName"
  | "sex"
  | "birthdate"
  | "birthCityCode"
  | "birthCity"
  | "birthProvinceCode"
  | "birthCountryCode"
  | "mefCode"
  | "status"
  | "division";

/** A learner of the file that passed validation: what gets written to `learners`. */
export type RegisterLearner = {
  /** INE, trimmed and upper-cased. */
  nationalStudentId: string;
  /** SIECLE's ELEVE_ID; null for the CSV. */
  siecleStudentId: string | null;
  firstName: string;
  middleName: string | null;
  thirdName: string | null;
  lastName: string;
  preferredLastName: string | null;
  sex: "M" | "F";
  /** ISO calendar date `yyyy-mm-dd` (no time zone: it is a birth date, not an instant). */
  birthdate: string;
  birthCityCode: string | null;
  birthCity: string | null;
  birthProvinceCode: string | null;
  /** 3-digit INSEE country code, `100` = France (the CSV's `99100` is stored as `100`). */
  birthCountryCode: string | null;
  mefCode: string | null;
  status: "ST" | "AP" | null;
  division: string;
};

/** What reading a register file gives, before any database access. */
export type RegisterReadResult = {
  format: RegisterFormat | null;
  /** `PARAMETRES/UAJ` for SIECLE files; null for the CSV (it names no school). */
  uai: string | null;
  learners: RegisterLearner[];
  skipped: SkippedCounts;
  /** The first LISTED_DETAILS_LIMIT pupils skipped for no INE or no class. */
  skippedStudents: SkippedStudent[];
  /** Every problem found; any error means nothing is imported. */
  errors: ImportError[];
};

/** A learner already in the database, as far as planning an import needs it. */
export type ExistingLearner = Omit<RegisterLearner, "sex" | "status"> & {
  id: number;
  sex: string | null;
  status: string | null;
  isDisabled: boolean;
};

export type ImportCounts = {
  created: number;
  updated: number;
  disabled: number;
  skipped: number;
};

/** What applying a valid file would do to the school's learners. */
export type ImportPlan = {
  toCreate: RegisterLearner[];
  /** Existing rows whose data changed or that come back after being disabled. */
  toUpdate: { id: number; learner: RegisterLearner }[];
  toDisable: number[];
  unchanged: number;
  /** Among `toUpdate`: learners absent from the previous import who are back. */
  reEnabled: number;
  counts: ImportCounts;
  skipped: SkippedCounts;
  skippedStudents: SkippedStudent[];
  /** The first LISTED_DETAILS_LIMIT updated learners, in class then name order, with what changes. */
  changes: LearnerChange[];
  /** Class labels of the imported learners, in natural order ("6E 2" before "6E 10"). */
  divisions: string[];
};

export type ImportOutcomeStatus = "IMPORTED" | "DRY_RUN" | "VALIDATION_ERROR";

/** The result of `importSiecleFile`; its JSON is what the CLI prints. */
export type ImportOutcome = {
  status: ImportOutcomeStatus;
  created: number;
  updated: number;
  disabled: number;
  skipped: number;
  divisions: string[];
  errors: ImportError[];
  /** Per reason; the CLI leaves it out of its JSON line (as it does `unchanged`). */
  skippedByReason: SkippedCounts;
  /** Who was skipped for no INE or no class (the CLI leaves it out: names). */
  skippedStudents: SkippedStudent[];
  /** Who the import updates and what changes (the CLI leaves it out: names). */
  changes: LearnerChange[];
  /** Learners of the file already up to date. */
  unchanged: number;
  /** The recorded `SiecleImport` row; null for a successful dry run (nothing is recorded). */
  importId: number | null;
};

/** One recorded import, as the import page shows it. */
export type ImportSummary = {
  id: number;
  /** ISO instant. */
  createdAt: string;
  /** "Camille Durand"; null when the account was deleted or for the operator CLI. */
  authorName: string | null;
  fileName: string;
  format: string;
  status: "IMPORTED" | "VALIDATION_ERROR" | "FAILED";
  created: number;
  updated: number;
  disabled: number;
  skipped: number;
  divisions: string[];
  /** The first errors (the page lists at most this many per past import). */
  errors: ImportError[];
  errorCount: number;
};
