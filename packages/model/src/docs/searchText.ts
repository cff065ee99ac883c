/**
 * D51: how search compares words, shared by the server (matching) and the client (marking the
 * words in a snippet): lower case, accents off (ŵ matches w), one kind of apostrophe.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[‘’ʼ]/g, "'").toLowerCase();
}

/** The words of a query, folded; at most eight, each of at least two characters. */
export function searchTerms(query: string): string[] {
  return [...new Set(foldForSearch(query).split(/\s+/).filter((t) => t.length >= 2))].slice(0, 8);
}

/** D51: a document matches when every term is in its title or text. */
export function matchesAll(folded: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => folded.includes(t));
}
