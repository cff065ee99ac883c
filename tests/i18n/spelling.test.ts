/**
 * Every catalogue string is spell-checked with Debian's dictionaries (C34): the Welsh strings with
 * `aspell -l cy`, the English with `aspell -l en`, so a typo or an English word left in the
 * Welsh fails the run. Names and product terms that no dictionary holds are listed, with a
 * reason, in spelling-allow.txt beside this file.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueEntries } from '../e2e/support/catalogueStrings';

function allowList(): Set<string> {
  const text = readFileSync(new URL('./spelling-allow.txt', import.meta.url), 'utf8');
  return new Set(text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean).map((w) => w.toLowerCase()));
}

/**
 * The words of a catalogue string: placeholders, addresses and ellipses out; split at spaces,
 * punctuation, hyphens and apostrophes (Welsh writes "wedi'i", "e-bost": each part is a word).
 */
export function wordsOf(text: string): string[] {
  return text
    .replace(/\{\{[^}]*\}\}/g, ' ')
    .replace(/\b(?:https?|mailto):\S*/g, ' ')
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 1);
}

function misspelt(lang: 'cy' | 'en', words: string[]): Set<string> {
  const out = execFileSync('aspell', ['-l', lang, '--encoding=utf-8', 'list'], { input: words.join('\n'), encoding: 'utf8' });
  return new Set(out.split('\n').map((w) => w.trim()).filter(Boolean));
}

describe('C34 the catalogues are spelt right', () => {
  for (const lang of ['cy', 'en'] as const) {
    it(`C34: every ${lang === 'cy' ? 'Welsh' : 'English'} string passes aspell -l ${lang}`, () => {
      const allowed = allowList();
      const entries = catalogueEntries(lang);
      const words = [...new Set(entries.flatMap((e) => wordsOf(e.text)))];
      const unknown = misspelt(lang, words);
      const failures = entries.flatMap((entry) =>
        wordsOf(entry.text)
          .filter((w) => unknown.has(w) && !allowed.has(w.toLowerCase()))
          .map((w) => `${entry.file} ${entry.key}: "${w}" in ${JSON.stringify(entry.text)}`),
      );
      expect(failures, `aspell -l ${lang} does not know these words (fix the string, or add a name or product term to tests/i18n/spelling-allow.txt)`).toEqual([]);
    });
  }

  it('C34: the checker splits Welsh words as written', () => {
    expect(wordsOf("Tynnu'r ddolen {{ name }} – e-bost https://hwb.gov.wales")).toEqual(['Tynnu', 'ddolen', 'bost']);
  });
});
