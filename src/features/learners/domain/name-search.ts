/**
 * Name search as staff type it: "maelys ber" finds "Maëlys BERTHELOT". Each word must appear in
 * one of the learner's names, ignoring case and accents. The SQL side applies the same folding
 * with `translate`, which both PostgreSQL 15 and PGlite have (no `unaccent` extension needed).
 */
export const ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ";
export const UNACCENTED = "aaaaaaceeeeiiiinooooouuuuyyaaaaaaceeeeiiiinooooouuuuyy";

export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** Words of the query, folded, with LIKE wildcards escaped; at most 5 so a paste cannot blow up the query. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;]+/)
    .filter((word) => word.length > 0)
    .slice(0, 5)
    .map((word) => word.replace(/[\\%_]/g, (char) => `\\${char}`));
}
