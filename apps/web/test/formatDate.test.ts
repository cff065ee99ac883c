import { describe, expect, it } from 'vitest';
import { formatDate } from '../src/i18n/formatDate';

describe('C2 dates in the chosen language', () => {
  it('C2: Welsh and English month names; bad input shown as given', () => {
    expect(formatDate('2026-10-14', 'en')).toBe('14 October 2026');
    expect(formatDate('2026-10-14', 'cy')).toMatch(/14 Hydref 2026/);
    expect(formatDate('not a date', 'cy')).toBe('not a date');
  });
});
