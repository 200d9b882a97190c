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

/** Words of the query, folded; at most 5 so a paste cannot blow up the query. */
export function searchWords(query: string): string[] {
  return foldForSearch(query)
    .split(/[\s,;]+/)
    .filter((word) => word.length > 0)
    .slice(0, 5);
}

/** The query's words with LIKE wildcards escaped, for the SQL side. */
export function searchTerms(query: string): string[] {
  return searchWords(query).map((word) => word.replace(/[\\%_]/g, (char) => `\\${char}`));
}

/** Why a learner matched a search, when the list's columns (usage name, first name) do not show it. */
export type SearchMatchReason = "BIRTH_NAME" | "MIDDLE_NAME" | "INE";

export type SearchableLearner = {
  firstName: string;
  /** The name the list shows: the usage name, else the birth name. */
  displayedLastName: string;
  /** The birth (family) name, from SIECLE. */
  birthLastName: string;
  middleName: string | null;
  /** Only when the searcher may find learners by INE (ADMINs); never shown. */
  ine?: string | null;
};

/**
 * The reasons, in a stable order, for the words of `query` that a learner's shown names do not
 * contain: staff who typed "bonnet" and see "MOREAU Chloé" are told it is her birth name. Applies
 * the same folding as the SQL search; a word matching nothing adds nothing.
 */
export function explainSearchMatch(query: string, learner: SearchableLearner): SearchMatchReason[] {
  const shown = [learner.firstName, learner.displayedLastName].map(foldForSearch);
  const reasons = new Set<SearchMatchReason>();
  for (const word of searchWords(query)) {
    if (shown.some((name) => name.includes(word))) continue;
    if (foldForSearch(learner.birthLastName).includes(word)) reasons.add("BIRTH_NAME");
    else if (learner.middleName && foldForSearch(learner.middleName).includes(word)) reasons.add("MIDDLE_NAME");
    else if (learner.ine && foldForSearch(learner.ine) === word) reasons.add("INE");
  }
  return (["BIRTH_NAME", "MIDDLE_NAME", "INE"] as const).filter((reason) => reasons.has(reason));
}
