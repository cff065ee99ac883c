import type { Locale } from '@cydweithio/ui';
import type { Name } from '../api/schemas';

/** A name in the chosen language; plain-string names (people, titles) are shown as written. */
export function nameIn(name: Name | null | undefined, locale: Locale): string {
  if (name === undefined || name === null) return '';
  return typeof name === 'string' ? name : name[locale];
}

/**
 * The lang attribute for a name: bilingual names are in the page language; free text typed by
 * people has no known language, so it gets none (inherits) rather than a wrong one.
 */
export function langOf(name: Name | null | undefined, locale: Locale): string | undefined {
  return name !== undefined && name !== null && typeof name !== 'string' ? locale : undefined;
}
