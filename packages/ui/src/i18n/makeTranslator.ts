import * as i18n from '@solid-primitives/i18n';
import type { Accessor } from 'solid-js';
import type { Locale } from './locale';

export type Catalogue = { [key: string]: string | Catalogue };
export type Translate = (key: string, args?: Record<string, string | number>) => string;

/**
 * One translator for a pair of catalogues. Keys are dotted paths ("sync.saved"). A missing key
 * returns the key itself so that a gap is visible in review rather than rendering nothing.
 */
export function makeTranslator(catalogues: Record<Locale, Catalogue>, locale: Accessor<Locale>): Translate {
  const flat = { cy: i18n.flatten(catalogues.cy), en: i18n.flatten(catalogues.en) };
  const translate = i18n.translator(() => flat[locale()] as Record<string, string>, i18n.resolveTemplate);
  return (key, args) => {
    const text = (translate as (k: string, a?: Record<string, string | number>) => string | undefined)(key, args);
    return typeof text === 'string' ? text : key;
  };
}

/** Every dotted key of a catalogue; used by the tests that keep cy and en in step. */
export function catalogueKeys(catalogue: Catalogue, prefix = ''): string[] {
  return Object.entries(catalogue).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : catalogueKeys(value, `${prefix}${key}.`),
  );
}
