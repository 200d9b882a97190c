/** The rules a learner record must pass, shared by the SIECLE XML and the CSV template. */

import type { ImportError, RegisterLearner } from "../types";
import { importError } from "./import-errors";

/** A record as read from the file: trimmed text, absent when empty. */
export type RawLearnerRecord = {
  nationalStudentId?: string;
  siecleStudentId?: string;
  firstName?: string;
  middleName?: string;
  thirdName?: string;
  lastName?: string;
  preferredLastName?: string;
  sex?: string;
  birthdate?: string;
  birthCityCode?: string;
  birthCity?: string;
  birthProvinceCode?: string;
  birthCountryCode?: string;
  mefCode?: string;
  status?: string;
  division?: string;
};

export type RecordField = keyof RawLearnerRecord;

export type RecordSource =
  | { format: "XML" }
  /** `fields` maps a record field to the header it came from, for error locations. */
  | { format: "CSV"; line: number; fields: Partial<Record<RecordField, { header: string; label: string }>> };

export const FRANCE_COUNTRY_CODE = "100";
const INSEE_CITY_CODE = /^(\d{5}|\d[AB]\d{3})$/;
const XML_FIELD_NAMES: Record<RecordField, string> = {
  nationalStudentId: "ID_NATIONAL",
  siecleStudentId: "ELEVE_ID",
  firstName: "PRENOM",
  middleName: "PRENOM2",
  thirdName: "PRENOM3",
  lastName: "NOM_DE_FAMILLE",
  preferredLastName: "NOM_USAGE",
  sex: "CODE_SEXE",
  birthdate: "DATE_NAISS",
  birthCityCode: "CODE_COMMUNE_INSEE_NAISS",
  birthCity: "VILLE_NAISS",
  birthProvinceCode: "CODE_DEPARTEMENT_NAISS",
  birthCountryCode: "CODE_PAYS",
  mefCode: "CODE_MEF",
  status: "CODE_STATUT",
  division: "STRUCTURE",
};

/** Division labels are typed by hand in SIECLE or Excel: one space between words. */
export const normaliseDivision = (label: string): string => label.trim().replace(/\s+/g, " ");

export const normaliseNationalStudentId = (ine: string): string => ine.trim().toUpperCase();

const pad = (n: number) => String(n).padStart(2, "0");

/** `today` as `yyyy-mm-dd` in the process's time zone (the school's, Europe/Paris). */
export const isoDateOf = (date: Date): string =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/**
 * `dd/mm/yyyy` (also `d/m/yyyy`; and `dd/mm/yy` when Excel rewrote the CSV's dates) → ISO date,
 * or null when it is not a real past date after 1900.
 */
export function parseFrenchDate(value: string, today: string, allowTwoDigitYear: boolean): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(value);
  if (!match) return null;
  const day = Number(match[1]);
  const month = Number(match[2]);
  let year = Number(match[3]);
  if (match[3]!.length === 2) {
    if (!allowTwoDigitYear) return null;
    const currentYear = Number(today.slice(0, 4));
    year = 2000 + year <= currentYear ? 2000 + year : 1900 + year;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const iso = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  if (year < 1900 || iso > today) return null;
  return iso;
}

const XML_SEX: Record<string, "M" | "F"> = { "1": "M", "2": "F" };

function readSex(value: string, format: "XML" | "CSV"): "M" | "F" | null {
  if (format === "XML") return XML_SEX[value] ?? null;
  // Templates say M/F or Masculin/Féminin: the first letter decides (Pix's rule).
  const first = value[0]?.toUpperCase();
  return first === "M" || first === "F" ? first : null;
}

function readCountryCode(value: string, format: "XML" | "CSV"): string | null {
  if (format === "XML") return /^\d{3}$/.test(value) ? value : null;
  // The CSV carries the 5-digit INSEE code (99100); SIECLE and our table the last 3 digits.
  return /^99\d{3}$/.test(value) ? value.slice(2) : null;
}

/**
 * Validates one record, collecting every problem it has. Only records that are not skipped
 * (left, no INE, no division) come here.
 */
export function validateLearnerRecord(
  raw: RawLearnerRecord,
  source: RecordSource,
  today: string,
): { learner: RegisterLearner | null; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const ine = raw.nationalStudentId ? normaliseNationalStudentId(raw.nationalStudentId) : undefined;
  const isCsv = source.format === "CSV";

  const where = (field: RecordField) => {
    if (source.format === "XML") return { nationalStudentId: ine, field: XML_FIELD_NAMES[field] };
    return { nationalStudentId: ine, line: source.line, field: source.fields[field]?.header };
  };
  const labelOf = (field: RecordField) => (source.format === "CSV" ? source.fields[field]?.label : undefined);
  const fail = (code: ImportError["code"], field: RecordField, value?: string) =>
    errors.push(importError(code, where(field), { fieldLabel: labelOf(field), value }));

  if (isCsv) {
    for (const field of [
      "nationalStudentId",
      "birthProvinceCode",
      "birthCountryCode",
      "status",
      "mefCode",
      "division",
    ] as const) {
      if (!raw[field]) fail("FIELD_REQUIRED", field);
    }
  }
  if (!raw.firstName) fail("FIRST_NAME_REQUIRED", "firstName");
  if (!raw.lastName) fail("LAST_NAME_REQUIRED", "lastName");

  let birthdate: string | null = null;
  if (!raw.birthdate) fail("BIRTHDATE_REQUIRED", "birthdate");
  else {
    birthdate = parseFrenchDate(raw.birthdate, today, isCsv);
    if (!birthdate) fail("INVALID_BIRTHDATE_FORMAT", "birthdate", raw.birthdate);
  }

  let sex: "M" | "F" | null = null;
  if (!raw.sex) fail("SEX_CODE_REQUIRED", "sex");
  else {
    sex = readSex(raw.sex, source.format);
    if (!sex) fail("SEX_CODE_INVALID", "sex", raw.sex);
  }

  let countryCode: string | null = null;
  if (raw.birthCountryCode) {
    countryCode = readCountryCode(raw.birthCountryCode, source.format);
    if (!countryCode) fail("COUNTRY_CODE_INVALID", "birthCountryCode", raw.birthCountryCode);
  }
  if (countryCode === FRANCE_COUNTRY_CODE) {
    if (!raw.birthCityCode) fail("BIRTH_CITY_CODE_REQUIRED_FOR_FR_STUDENT", "birthCityCode");
    else if (!INSEE_CITY_CODE.test(raw.birthCityCode)) fail("INSEE_CODE_INVALID", "birthCityCode", raw.birthCityCode);
  } else if (countryCode && isCsv && !raw.birthCity) {
    fail("BIRTH_CITY_REQUIRED_FOR_FOREIGN_STUDENT", "birthCity");
  }

  let status: "ST" | "AP" | null = null;
  if (raw.status) {
    const upper = raw.status.toUpperCase();
    if (upper === "ST" || upper === "AP") status = upper;
    else fail("STATUS_INVALID", "status", raw.status);
  }

  if (errors.length > 0 || !ine || !raw.firstName || !raw.lastName || !birthdate || !sex || !raw.division) {
    return { learner: null, errors };
  }
  return {
    learner: {
      nationalStudentId: ine,
      siecleStudentId: raw.siecleStudentId ?? null,
      firstName: raw.firstName,
      middleName: raw.middleName ?? null,
      thirdName: raw.thirdName ?? null,
      lastName: raw.lastName,
      preferredLastName: raw.preferredLastName ?? null,
      sex,
      birthdate,
      birthCityCode: raw.birthCityCode ?? null,
      birthCity: raw.birthCity ?? null,
      birthProvinceCode: raw.birthProvinceCode ?? null,
      birthCountryCode: countryCode,
      mefCode: raw.mefCode ?? null,
      status,
      division: normaliseDivision(raw.division),
    },
    errors,
  };
}
