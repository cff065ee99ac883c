import { describe, expect, it } from 'vitest';
import { format, formatDistanceStrict, isValid, parseISO } from 'date-fns';
import { cy } from 'date-fns/locale/cy';
import { enGB } from 'date-fns/locale/en-GB';
import { formatAgo, formatDate, formatDateTime, formatNumber } from '../src/i18n/formatDate';

describe('C2 dates and numbers in the chosen language', () => {
  it('C2: Welsh and English month names from the library, whatever the runtime knows; bad input shown as given', () => {
    expect(formatDate('2026-10-14', 'en')).toBe('14 October 2026');
    expect(formatDate('2026-10-14', 'cy')).toBe('14 Hydref 2026');
    expect(formatDate('2027-01-20', 'cy')).toBe('20 Ionawr 2027');
    expect(formatDate('not a date', 'cy')).toBe('not a date');
  });
  it('C2: times and how long ago', () => {
    const at = new Date(2026, 9, 14, 9, 30).getTime();
    expect(formatDateTime(at, 'cy')).toBe('14 Hydref 2026, 09:30');
    expect(formatAgo(at, 'cy', new Date(at + 5 * 60_000))).toMatch(/5 munud yn ôl/);
    expect(formatAgo(at, 'en', new Date(at + 5 * 60_000))).toBe('5 minutes ago');
  });
  it('C2: numbers are grouped by thousands', () => {
    expect(formatNumber(1470)).toBe('1,470');
    expect(formatNumber(7)).toBe('7');
    expect(formatNumber(-1234567)).toBe('-1,234,567');
  });
  it('C2, C290: the words are the ones date-fns\'s own formatters give, across a clock change and for bad input', () => {
    const library = { cy, en: enGB } as const;
    // The Sunday the clocks go forward in Wales, so days and months counted across it are checked too.
    const now = new Date(2026, 2, 29, 12, 0);
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const differences: string[] = [];
    for (const locale of ['cy', 'en'] as const) {
      for (let i = 0; i < 2000; i++) {
        const at = new Date(now.getTime() + Math.round((next() - 0.5) * 2 * 10 ** (next() * 11)));
        const iso = at.toISOString();
        const ago = formatDistanceStrict(at, now, { locale: library[locale], addSuffix: true, roundingMethod: 'floor' });
        if (formatAgo(iso, locale, now) !== ago) differences.push(`${iso}: ${ago} / ${formatAgo(iso, locale, now)}`);
        const withTime = format(at, 'd MMMM yyyy, HH:mm', { locale: library[locale] });
        if (formatDateTime(iso, locale) !== withTime) differences.push(`${iso}: ${withTime} / ${formatDateTime(iso, locale)}`);
        const day = format(at, 'yyyy-MM-dd');
        const written = format(parseISO(day), 'd MMMM yyyy', { locale: library[locale] });
        if (formatDate(day, locale) !== written) differences.push(`${day}: ${written} / ${formatDate(day, locale)}`);
      }
    }
    for (const given of ['2026-02-31', '2026-13-01', '2026-1-1', 'yesterday', '2026-10-14T09:30', '2026-10-14T09:30:00+01:00']) {
      const parsed = parseISO(given);
      const expected = isValid(parsed) ? format(parsed, 'd MMMM yyyy, HH:mm', { locale: enGB }) : given;
      if (formatDateTime(given, 'en') !== expected) differences.push(`${given}: ${expected} / ${formatDateTime(given, 'en')}`);
    }
    expect(differences).toEqual([]);
  });
});
