/**
 * I9: display names for schools the source spells in capitals ("YSGOL GYNRADD NEFYN").
 * Welsh-aware title case: the small words of Welsh and English place names stay lower case
 * inside a name ("Borth-y-Gest", "Ysgol y Graig", "St Mary and St Patrick"), and known
 * abbreviations stay capitals. Names already in mixed case are returned unchanged: the source
 * spelling is better than any rule.
 */
const SMALL_WORDS = new Set(['a', 'ac', 'ag', 'am', 'ar', 'at', 'i', 'o', 'y', 'yr', "'r", '’r', 'yn', 'and', 'of', 'the', 'in', 'on', 'for', 'de', 'le']);
const ABBREVIATIONS = new Set(['RC', 'CIW', 'CW', 'VA', 'VC', 'YGG', 'YG', 'UCD', 'PRU', 'II', 'III', 'C.W.', 'R.C.', 'Y.G.G.', 'Y.G.']);

function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase('cy');
  const first = lower.search(/\p{L}/u);
  if (first < 0) return lower;
  return lower.slice(0, first) + lower.charAt(first).toLocaleUpperCase('cy') + lower.slice(first + 1);
}

function casePart(part: string, isFirstOfName: boolean): string {
  if (ABBREVIATIONS.has(part.replace(/^[("]+|[)",]+$/g, ''))) return part;
  const lower = part.toLocaleLowerCase('cy');
  if (!isFirstOfName && SMALL_WORDS.has(lower)) return lower;
  // Keep an apostrophe suffix lower case: "MARY'S" -> "Mary's".
  return capitalise(part).replace(/(['’])(\p{Lu})/gu, (_m, q: string, c: string) => q + c.toLocaleLowerCase('cy'));
}

export function isShouting(name: string): boolean {
  return /\p{L}/u.test(name) && name === name.toLocaleUpperCase('cy') && /\p{Lu}{3,}/u.test(name);
}

export function normaliseSchoolName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (!isShouting(name)) return name;
  return name
    .split(' ')
    .map((word, wi) =>
      word
        .split('-')
        .map((part, pi) => casePart(part, wi === 0 && pi === 0))
        .join('-'),
    )
    .join(' ');
}
