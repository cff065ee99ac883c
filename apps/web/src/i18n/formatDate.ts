import { format, formatDistanceStrict, isValid, parseISO } from 'date-fns';
import { cy } from 'date-fns/locale/cy';
import { enGB } from 'date-fns/locale/en-GB';
import type { Locale } from '@cydweithio/ui';

/**
 * Dates and numbers in the chosen language from date-fns's own Welsh and English data, never
 * the browser's locale data (which often has no Welsh: "Cyfarfod January 20, 2027").
 */
const dateLocales = { cy, en: enGB } as const;

function parse(iso: string): Date | null {
  const date = parseISO(iso);
  return isValid(date) ? date : null;
}

/**
 * An ISO date (yyyy-mm-dd) as people write it in the chosen language, e.g. "14 Hydref 2026" /
 * "14 October 2026". The calendar day is kept as written (no time zone shift). Anything
 * unparseable is shown as given rather than hidden.
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = parse(iso.slice(0, 10));
  return date ? format(date, 'd MMMM yyyy', { locale: dateLocales[locale] }) : iso;
}

/** A moment (ISO timestamp or epoch ms) with its time, in the person's own time zone: "14 Hydref 2026, 09:30". */
export function formatDateTime(moment: string | number, locale: Locale): string {
  const date = typeof moment === 'number' ? new Date(moment) : parse(moment);
  return date && isValid(date) ? format(date, 'd MMMM yyyy, HH:mm', { locale: dateLocales[locale] }) : String(moment);
}

/** How long ago, in words: "5 munud yn ôl" / "5 minutes ago". */
export function formatAgo(moment: string | number, locale: Locale, now: Date = new Date()): string {
  const date = typeof moment === 'number' ? new Date(moment) : parse(moment);
  if (!date || !isValid(date)) return String(moment);
  return formatDistanceStrict(date, now, { locale: dateLocales[locale], addSuffix: true, roundingMethod: 'floor' });
}

/**
 * A whole number with the grouping of both languages (CLDR: cy and en-GB group thousands with a
 * comma): "1,470".
 */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
