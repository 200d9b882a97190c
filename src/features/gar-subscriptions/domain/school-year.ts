/**
 * School years as French schools count them: a year starts at the rentrée, 1 September, in
 * metropolitan French time, and is named by its two calendar years (2026-2027).
 */
const SCHOOL_TIME_ZONE = "Europe/Paris";
/** September, 1-based. */
const RENTREE_MONTH = 9;

/** The calendar date of an instant in the schools' time zone. */
export function schoolCalendarDate(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: SCHOOL_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day") };
}

/** First calendar year of the school year an instant belongs to (2026 for 15/12/2026 and 01/09/2026). */
export function schoolYearOf(instant: Date): number {
  const { year, month } = schoolCalendarDate(instant);
  return month >= RENTREE_MONTH ? year : year - 1;
}

/** The instant of the rentrée of a school year: 1 September 00:00 in Paris. */
export function rentreeOf(schoolYear: number): Date {
  // 1 September is always in summer time (UTC+2) in Paris.
  return new Date(Date.UTC(schoolYear, RENTREE_MONTH - 1, 1) - 2 * 60 * 60 * 1000);
}

/** Whether an instant falls in September or October (the weeks when bases change every day). */
export function isEarlyInSchoolYear(instant: Date): boolean {
  const { month } = schoolCalendarDate(instant);
  return month === RENTREE_MONTH || month === RENTREE_MONTH + 1;
}

/** yyyy-mm-dd of an instant in the schools' time zone. */
export function isoSchoolDate(instant: Date): string {
  const { year, month, day } = schoolCalendarDate(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
