import { describe, expect, it } from 'vitest';
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
});
