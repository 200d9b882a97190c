// The one home of French dates, sorting and plurals: every screen, export and rule that shows a date or
// sorts names and classes goes through these, so they read the same everywhere. Dates are shown in
// the schools' time zone (Europe/Paris) whatever the server's.

const TIME_ZONE = "Europe/Paris";

const date = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});
const dateAndTime = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const shortDateTime = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, dateStyle: "short", timeStyle: "short" });
const shortDateTimeWithSeconds = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  dateStyle: "short",
  timeStyle: "medium",
});
const time = new Intl.DateTimeFormat("fr-FR", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit" });
const timeWithSeconds = new Intl.DateTimeFormat("fr-FR", {
  timeZone: TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type DateInput = Date | string | number;
const asDate = (value: DateInput): Date => (value instanceof Date ? value : new Date(value));

/** "15/09/2026" (jj/mm/aaaa). */
export const formatDate = (value: DateInput): string => date.format(asDate(value));

/** "15/09/2026 à 10:42". */
export function formatDateAtTime(value: DateInput): string {
  const parts = Object.fromEntries(dateAndTime.formatToParts(asDate(value)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

/** "15/09/2026 10:42" (dateStyle and timeStyle short). */
export const formatDateTime = (value: DateInput): string => shortDateTime.format(asDate(value));

/** "15/09/2026 10:42:05". */
export const formatDateTimeWithSeconds = (value: DateInput): string => shortDateTimeWithSeconds.format(asDate(value));

/** "10:42". */
export const formatTime = (value: DateInput): string => time.format(asDate(value));

/** "10:42:05". */
export const formatTimeWithSeconds = (value: DateInput): string => timeWithSeconds.format(asDate(value));

const collator = new Intl.Collator("fr", { numeric: true, sensitivity: "base" });

/** French order, accents and case ignored, numbers by value ("6E 2" before "6E 10"). */
export const compareFrench = (a: string, b: string): number => collator.compare(a, b);

/**
 * French agreement by count: singular for 0 and 1 ("0 élève", "1 élève"), plural from 2. `counted`
 * is the phrase after the number, in both forms: plural(3, "élève a rejoint", "élèves ont rejoint").
 */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${pluralWord(count, one, many)}`;
}

/** The form alone, for a phrase where the number is not first ("Voir les 3 erreurs"). */
export function pluralWord(count: number, one: string, many: string): string {
  return Math.abs(count) < 2 ? one : many;
}
