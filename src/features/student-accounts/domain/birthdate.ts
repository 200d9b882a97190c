/**
 * The birth date typed in three fields (Jour / Mois / Année). Learner birth dates are stored as
 * a calendar date (no time zone), so the result is an ISO `YYYY-MM-DD` string, compared as such.
 */

export type BirthdateParts = { day: number; month: number; year: number };

export type ParsedBirthdate = { ok: true; isoDate: string } | { ok: false; reason: "INVALID_DATE" | "OUT_OF_RANGE" };

const OLDEST_PLAUSIBLE_AGE = 100;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

export function parseBirthdate({ day, month, year }: BirthdateParts, today: Date): ParsedBirthdate {
  if (![day, month, year].every(Number.isInteger)) return { ok: false, reason: "INVALID_DATE" };
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: "INVALID_DATE" };
  const currentYear = today.getFullYear();
  if (year > currentYear || year < currentYear - OLDEST_PLAUSIBLE_AGE) return { ok: false, reason: "OUT_OF_RANGE" };
  const isoDate = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { ok: true, isoDate };
}
