import { describe, expect, it } from 'vitest';
import { AgreedPriority, changesSinceAgreed, impactPeriodOf, ImpactReview, parseImpactSubject, priorityIdOfSubject, prioritySubject, impactSubject } from '../src/domain/sharedPriorities';

const agreed = { title: 'Pontio ysgrifennu', area: 'learning-and-teaching' as const, successCriteria: 'Cymedroli bob tymor' };

describe('shared priorities agreed into the record', () => {
  it('G3: changes since agreed are listed field by field, with the agreed and the current text', () => {
    expect(changesSinceAgreed(agreed, { ...agreed })).toEqual([]);
    expect(changesSinceAgreed(agreed, { ...agreed, title: 'Pontio ysgrifennu ' })).toEqual([]);
    expect(changesSinceAgreed(agreed, { ...agreed, title: 'Pontio ysgrifennu a darllen', area: 'curriculum' })).toEqual([
      { field: 'title', agreed: 'Pontio ysgrifennu', now: 'Pontio ysgrifennu a darllen' },
      { field: 'area', agreed: 'learning-and-teaching', now: 'curriculum' },
    ]);
  });

  it('G1: a priority subject names one priority; the agreed state carries its meeting and no other keys', () => {
    expect(priorityIdOfSubject(prioritySubject('p-1'))).toBe('p-1');
    expect(priorityIdOfSubject('shared-priorities')).toBeNull();
    expect(priorityIdOfSubject('priority:a:b')).toBeNull();
    const parsed = AgreedPriority.parse({ priorityId: 'p-1', ...agreed, meetingId: 'm1', meetingDate: '2026-10-14', pupils: 3 });
    expect(Object.keys(parsed).sort()).toEqual(['area', 'meetingDate', 'meetingId', 'priorityId', 'successCriteria', 'title']);
  });

  it('G5: impact reviews are twice a year: September to February, then March to August', () => {
    expect(impactPeriodOf('2026-09-01')).toBe('2026-h1');
    expect(impactPeriodOf('2027-02-28')).toBe('2026-h1');
    expect(impactPeriodOf('2027-03-01')).toBe('2026-h2');
    expect(impactPeriodOf('2027-08-31')).toBe('2026-h2');
    expect(parseImpactSubject(impactSubject('2026-h2', 'p-1'))).toEqual({ period: '2026-h2', priorityId: 'p-1' });
    expect(parseImpactSubject('impact:2026-autumn:p-1')).toBeNull();
    const review = { priorityId: 'p-1', period: '2026-h1', focus: 'pedagogy', impact: 'not-yet', note: ' ' };
    expect(ImpactReview.parse(review).note).toBe('');
    expect(ImpactReview.safeParse({ ...review, impact: 'outstanding' }).success).toBe(false);
  });
});
