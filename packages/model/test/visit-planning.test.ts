import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialise } from '../src/docs/migrations';
import { peerReview, peerReviewToJson } from '../src/docs/peerReview';
import { toPlainJson } from '../src/docs/plainJson';
import { renderHtml } from '../src/docs/renderHtml';
import { renderMarkdown } from '../src/docs/renderMarkdown';
import { addVisitDate, removeVisitDate, updateVisitDate } from '../src/docs/visitDateEdits';
import { isVisitDay, MAX_VISIT_DATES, planningGaps, visitDatesArray } from '../src/docs/visitDates';

function newReview(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'peer-review', { title: 'Adolygiad', hostSchoolId: 'school-1' });
  return doc;
}

/** Two replicas that were in step, then each changed offline, then exchanged what they did. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, fromA);
  Y.applyUpdate(a, fromB);
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('the visit dates of a peer review', () => {
  it('D64: visit dates are real ISO days, in calendar order, each once, at most ten, corrected and removed by id', () => {
    const doc = newReview();
    const pr = peerReview(doc);
    expect(pr.visitDates()).toEqual([]);
    expect(addVisitDate(doc, { id: 'b', date: '2026-11-18' })).toBe(true);
    expect(addVisitDate(doc, { id: 'a', date: '2026-11-17' })).toBe(true);
    expect(pr.visitDates()).toEqual([{ id: 'a', date: '2026-11-17' }, { id: 'b', date: '2026-11-18' }]);
    for (const bad of ['2026-02-30', '2026-13-01', '17/11/2026', '2026-11-17T09:00', '', 'tomorrow']) {
      expect([bad, addVisitDate(doc, { id: 'x', date: bad })]).toEqual([bad, false]);
      expect([bad, isVisitDay(bad)]).toEqual([bad, false]);
    }
    // The same day again changes nothing.
    expect(addVisitDate(doc, { id: 'c', date: '2026-11-17' })).toBe(true);
    expect(visitDatesArray(doc).length).toBe(2);
    // Corrected in place by id; moving onto a planned day leaves one date.
    expect(updateVisitDate(doc, 'b', '2026-11-19')).toBe(true);
    expect(pr.visitDates().map((d) => d.date)).toEqual(['2026-11-17', '2026-11-19']);
    expect(updateVisitDate(doc, 'b', '2026-11-31')).toBe(false);
    updateVisitDate(doc, 'b', '2026-11-17');
    expect(pr.visitDates()).toEqual([{ id: 'a', date: '2026-11-17' }]);
    updateVisitDate(doc, 'gone', '2026-12-01');
    removeVisitDate(doc, 'gone');
    expect(pr.visitDates().map((d) => d.date)).toEqual(['2026-11-17']);
    removeVisitDate(doc, 'a');
    expect(pr.visitDates()).toEqual([]);
    // Bounded: the eleventh day is refused.
    for (let day = 1; day <= MAX_VISIT_DATES; day++) expect(addVisitDate(doc, { id: `d${day}`, date: `2027-01-${String(day).padStart(2, '0')}` })).toBe(true);
    expect(addVisitDate(doc, { id: 'd11', date: '2027-01-11' })).toBe(false);
    expect(pr.visitDates()).toHaveLength(MAX_VISIT_DATES);
    // An older or foreign client's value that is not a day is not shown as one.
    visitDatesArray(doc).push([new Y.Map<unknown>([['id', 'odd'], ['date', 'soon']])]);
    expect(pr.visitDates()).toHaveLength(MAX_VISIT_DATES);
    expect(peerReviewToJson(doc).visitDates[0]).toBe('2027-01-01');
  });

  it('D64: two people adding dates at once converge on both; the same day added by both is one date, and removing it removes it for both', () => {
    const a = newReview();
    const b = copyOf(a);
    addVisitDate(a, { id: 'from-a', date: '2026-11-17' });
    addVisitDate(b, { id: 'from-b', date: '2026-11-18' });
    addVisitDate(a, { id: 'twin-a', date: '2026-11-20' });
    addVisitDate(b, { id: 'twin-b', date: '2026-11-20' });
    exchange(a, b);
    const dates = (doc: Y.Doc) => peerReview(doc).visitDates().map((d) => d.date);
    expect(dates(a)).toEqual(['2026-11-17', '2026-11-18', '2026-11-20']);
    expect(peerReviewToJson(b)).toEqual(peerReviewToJson(a));
    // Removing the day someone sees takes its twin too: it does not come back.
    const shown = peerReview(b).visitDates().find((d) => d.date === '2026-11-20');
    removeVisitDate(b, shown?.id ?? '');
    // Meanwhile the other person moves another day.
    updateVisitDate(a, 'from-a', '2026-11-16');
    exchange(a, b);
    expect(dates(a)).toEqual(['2026-11-16', '2026-11-18']);
    expect(dates(b)).toEqual(dates(a));
  });

  it('D65: the planning still lacks the focus when it is blank, and the visit dates until there is one', () => {
    const doc = newReview();
    const pr = peerReview(doc);
    const gaps = () => planningGaps(peerReviewToJson(doc));
    expect(gaps()).toEqual(['focus', 'visit-dates']);
    pr.focus().insert(0, '   ');
    expect(gaps()).toEqual(['focus', 'visit-dates']);
    pr.focus().insert(0, 'Adborth ac ysgrifennu');
    expect(gaps()).toEqual(['visit-dates']);
    addVisitDate(doc, { id: 'a', date: '2026-11-17' });
    expect(gaps()).toEqual([]);
  });

  it('D64, D8: the export lists the visit dates under their own heading in both languages, and says when there are none', () => {
    const doc = newReview();
    expect(renderMarkdown(toPlainJson(doc), 'en')).toContain('## Visit dates\n\nNone yet.');
    addVisitDate(doc, { id: 'b', date: '2026-11-18' });
    addVisitDate(doc, { id: 'a', date: '2026-11-17' });
    const json = toPlainJson(doc);
    expect(renderMarkdown(json, 'cy')).toContain('## Dyddiadau ymweld\n\n- 2026-11-17\n- 2026-11-18');
    const html = renderHtml(json, 'en');
    expect(html).toContain('<h2>Visit dates</h2>');
    expect(html.indexOf('2026-11-17')).toBeLessThan(html.indexOf('2026-11-18'));
  });
});
