// Staff search terms folded the way the database folds "WorkerProfile"."searchText"
// (migration fixes_worker_search): lower case, no accents, œ/æ spelled out.

/** "Élise" -> "elise", "MEDIMP : 3985" -> "medimp : 3985". */
export function foldSearch(text: string): string {
  return text.replace(/œ/gi, "oe").replace(/æ/gi, "ae").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The words of a staff search box, folded: "Élise  MEDIMP 3985" -> ["elise", "medimp", "3985"].
 * The ":" of a number as displayed ("MEDIMP : 3985") is punctuation, not a word.
 */
export function searchWords(query: string, max = 6): string[] {
  return foldSearch(query)
    .split(/[\s:,;]+/)
    .filter(Boolean)
    .slice(0, max);
}
