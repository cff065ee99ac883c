/** A person picked in the composer: their id is sent, their name is what the text shows. */
export interface Mentioned {
  personId: string;
  name: string;
}

/**
 * The "@name" being typed at the caret, if any: an "@" at the start or after white space, then
 * up to 40 characters with no line break and no second "@". `start` is the index of the "@".
 */
export function mentionQueryAt(text: string, caret: number): { start: number; text: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\n@]{0,40})$/.exec(before);
  if (!match) return null;
  const typed = match[2] ?? '';
  // Two words typed after a finished name is prose, not a name being looked up.
  if (/\s\S+\s/.test(typed)) return null;
  return { start: caret - typed.length - 1, text: typed };
}

/** The people still mentioned: those whose "@name" is still in the text (C204). */
export function mentionsStillIn(text: string, mentioned: readonly Mentioned[]): string[] {
  return mentioned.filter((m) => text.includes(`@${m.name}`)).map((m) => m.personId);
}
