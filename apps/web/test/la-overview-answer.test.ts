import { describe, expect, it } from 'vitest';
import { packOverview } from '@cydweithio/model/rules/laOverviewAnswer';
import type { ItemRef, LaOverview } from '@cydweithio/model/rules/laOverview';
import { LaOverviewAnswer, overviewFromAnswer } from '../src/api/laSchemas';

const item = (ownerId: string, itemId: string, text: string, tagIds: string[] = []): ItemRef =>
  ({ ownerType: 'school', ownerId, itemId, area: 'vision-and-leadership', text, subject: 'plan-2026', tagIds });

const need = item('6742001', 'f-need', 'Arwain dysgu proffesiynol', ['oracy']);
const offer = item('6742002', 'f-strength', 'Dysgu proffesiynol cryf', ['oracy']);
const priority = item('6742001', 'pri-1', 'Llafaredd ar draws y cwricwlwm', ['oracy']);
const group = { priorities: [priority], schoolIds: ['6742001'], collaborativeIds: [], strengths: [offer], needs: [need], matches: [{ need, offer, sameLa: true, distanceKm: 2.4, brokered: false }] };
const overview: LaOverview = {
  scope: { type: 'la', laCode: 674 },
  tags: [{ id: 'oracy', laCode: 674, label: { cy: 'Llafaredd', en: 'Oracy' } }],
  themes: [{ tagId: 'oracy', ...group }],
  areas: [{ area: 'vision-and-leadership', ...group }],
  schools: { '6742001': { name: { cy: 'Ysgol Un', en: 'School One' }, laCode: 674, setting: 'primary' }, '6742002': { name: { cy: 'Ysgol Dau', en: 'School Two' }, laCode: 674, setting: 'primary' } },
  collaboratives: {},
  withoutApprovedPlan: [],
};

describe('the LA overview answer on the screen', () => {
  it('O44: the screen reads the keyed answer back into groups that hold their items, in the same order', () => {
    const parsed = LaOverviewAnswer.safeParse(JSON.parse(JSON.stringify(packOverview(overview))));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(Object.keys(parsed.data.items)).toHaveLength(3);
    expect(overviewFromAnswer(parsed.data)).toEqual(overview);
    // A key the answer does not carry is left out rather than shown empty.
    const missing = { ...parsed.data, areas: parsed.data.areas.map((a) => ({ ...a, priorities: [...a.priorities, 'p:school:6742009#gone'] })) };
    expect(overviewFromAnswer(missing).areas[0]?.priorities).toEqual([priority]);
  });
});
