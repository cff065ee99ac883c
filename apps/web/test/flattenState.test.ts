import { describe, expect, it } from 'vitest';
import { compareStates, flattenState } from '../src/screens/cycle/flattenState';

const review = (status: string, judgement: string, order: string[]) => ({
  reviewDocId: 'progress-review:x',
  term: '2026-autumn',
  overall: { status, summary: 'Crynodeb' },
  priorities: order.map((id) => ({ priorityId: id, title: `Blaenoriaeth ${id}`, status: id === 'a' ? status : 'on-track', judgement: id === 'a' ? judgement : 'strong', risks: ['Amser'] })),
});

describe('the record comparison', () => {
  it('C160: rows are matched by the ids inside the states, not by position, and each says what changed', () => {
    const rows = compareStates(review('on-track', 'strong', ['a', 'b']), review('off-track', 'limited', ['b', 'a', 'c']));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('priorities/a/status')).toMatchObject({ from: 'on-track', to: 'off-track', change: 'changed', path: ['priorities', 'Blaenoriaeth a', 'status'] });
    expect(byKey.get('priorities/a/judgement')).toMatchObject({ from: 'strong', to: 'limited', change: 'changed' });
    expect(byKey.get('priorities/b/status')?.change).toBe('same');
    expect(byKey.get('priorities/c/title')?.change).toBe('added');
    expect(rows.filter((r) => r.change === 'removed')).toEqual([]);
    expect(compareStates(review('on-track', 'strong', ['a', 'b']), review('on-track', 'strong', ['a'])).filter((r) => r.change === 'removed').map((r) => r.key)).toContain('priorities/b/title');
  });

  it('C160: ids and links mean nothing to a reader and are left out; lists of words become one row; rich text its words', () => {
    const rows = flattenState({ reviewDocId: 'x', schoolId: '1234567', risks: ['Un', 'Dau'], sections: [{ id: 's1', heading: 'Teulu', body: [{ type: 'paragraph', content: [{ type: 'text', text: 'Boreau coffi' }] }] }] });
    expect(rows.map((r) => r.key)).toEqual(['risks', 'sections/s1/heading', 'sections/s1/body']);
    expect(rows.find((r) => r.key === 'risks')?.value).toBe('Un; Dau');
    expect(rows.find((r) => r.key === 'sections/s1/body')?.value).toBe('Boreau coffi');
  });
});
