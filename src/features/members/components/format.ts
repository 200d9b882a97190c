const dateFormat = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" });

/** jj/mm/aaaa in the schools' time zone, whatever the server's. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
