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

export type BirthdateField = "day" | "month" | "year";
export type BirthdateInput = Record<BirthdateField, string>;

const FIELD_LENGTH: Record<BirthdateField, number> = { day: 2, month: 2, year: 4 };
const NEXT_FIELD: Record<BirthdateField, BirthdateField | null> = { day: "month", month: "year", year: null };

/**
 * A whole date pasted (or typed by an autofill) into one of the three fields: `06/08/2010`,
 * `6-8-2010`, `06.08.2010`, `6 8 2010` or `06082010`. Null when the text is not one, so that the
 * field keeps its ordinary behaviour.
 */
export function splitWholeBirthdate(text: string): BirthdateInput | null {
  const trimmed = text.trim();
  const groups = trimmed.split(/[^0-9]+/).filter((group) => group.length > 0);
  if (groups.length === 3 && /^[0-9]{1,2}$/.test(groups[0]!) && /^[0-9]{1,2}$/.test(groups[1]!)) {
    if (!/^[0-9]{4}$/.test(groups[2]!)) return null;
    return { day: groups[0]!.padStart(2, "0"), month: groups[1]!.padStart(2, "0"), year: groups[2]! };
  }
  if (/^[0-9]{8}$/.test(trimmed)) {
    return { day: trimmed.slice(0, 2), month: trimmed.slice(2, 4), year: trimmed.slice(4) };
  }
  return null;
}

/**
 * The field the cursor moves on to after a keystroke: the next one once this one is full, so that
 * `06082010` typed in one go fills the three fields. Only when the field was just completed by
 * typing at its end (not when a student edits a full field, or goes back to correct one).
 */
export function fieldAfterTyping(field: BirthdateField, value: string, previousValue: string): BirthdateField | null {
  const full = FIELD_LENGTH[field];
  if (!/^[0-9]*$/.test(value) || value.length !== full || previousValue.length !== full - 1) return null;
  return NEXT_FIELD[field];
}
