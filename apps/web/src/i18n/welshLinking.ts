/**
 * Welsh "â" (with) and "a" (and) become "ag" and "ac" before a vowel, and "gyda" (with) "gydag"
 * (SPEC C308): "ymuno ag Ysgol Gyfun Aberdâr", "ac Abertawe". A catalogue cannot write the right
 * form before a name it does not know yet, so the Welsh translator fixes the word written just
 * before a placeholder once it knows the name (`â {{ name }}` in the catalogue). Only there:
 * written text is already right, and the relative "a" never comes straight before a name here.
 *
 * A vowel is one of Welsh's seven, a e i o u w y, with or without an accent, at the name's first
 * letter (after any opening quotation mark or bracket); h, digits and the rest keep "â", "a".
 */

import * as i18n from '@solid-primitives/i18n';

// Accents are split off first (NFD: "Ŵ" is "W" and a circumflex), so seven letters cover them all.
const vowel = /^[\s“‘"'(]*[aeiouwy]/i;
/** The linking word, then the placeholder's name, as @solid-primitives/i18n writes them. */
const beforePlaceholder = /(^|[\s(“‘"'])([âaÂA]|[gG]yda) (?=\{\{\s*([\w.]+)\s*\}\})/g;
/** "a" → "ac", "â" → "ag", "gyda" → "gydag", keeping a capital. */
const linked = (word: string) => (word.length > 1 ? `${word}g` : word === 'a' || word === 'A' ? `${word}c` : word === 'â' ? 'ag' : 'Ag');

export function startsWithVowel(text: string): boolean {
  return vowel.test(text.normalize('NFD'));
}

/** The template with "â"/"a"/"gyda" before a placeholder whose value starts with a vowel turned into "ag"/"ac"/"gydag". */
export function linkBeforeVowels(template: string, args: Record<string, unknown> | undefined): string {
  if (!args) return template;
  return template.replace(beforePlaceholder, (whole, start: string, word: string, key: string) => {
    const value = args[key];
    return typeof value === 'string' && startsWithVowel(value) ? `${start}${linked(word)} ` : whole;
  });
}

type Args = Record<string, string | number | boolean> | undefined;

/** The template resolver of a language: Welsh links before vowels, English fills in as written. */
export function resolveTemplateFor(locale: 'cy' | 'en'): (template: string, args?: Args) => string {
  return locale === 'cy' ? (template, args) => i18n.resolveTemplate(linkBeforeVowels(template, args), args) : i18n.resolveTemplate;
}
