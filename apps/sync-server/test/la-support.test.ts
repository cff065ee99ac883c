import { describe, expect, it, vi } from 'vitest';
import { BrokeredSupport } from '@cydweithio/model/domain/laPicture';
import { makeLaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000 });

type Ledger = {
  settings: { minimumDays: Record<string, number> };
  schools: {
    schoolId: string; setting: string; supportLevel: string; minimumDays: number; belowMinimum: boolean; facilitatorDays: { planned: number; used: number };
    lines: { origin: string; priorityId: string; priorityTitle: string; source: string; daysPlanned: number; daysUsed: number | null; impact: string; brokeredId?: string }[];
  }[];
};

describe('support against the priority it serves', () => {
  it('O13: the ledger gives each school its support by source, days and priority served, and its support level', async () => {
    const api = await makeLaApi();
    const { status, body } = await api.get<Ledger>('demo-facilitator', `/api/la/${api.la}/ledger`);
    expect(status).toBe(200);
    const primary = body.schools.find((s) => s.schoolId === api.cast.primaryId);
    expect(primary?.lines.filter((l) => l.origin === 'plan').length).toBeGreaterThan(0);
    expect(primary?.lines.every((l) => l.priorityTitle.length > 0)).toBe(true);
    expect(primary?.facilitatorDays.planned).toBeGreaterThan(0);
    expect(body.schools.find((s) => s.schoolId === api.cast.convenorSchoolId)?.supportLevel).toBe('enhanced');
    const brokered = body.schools.flatMap((s) => s.lines).find((l) => l.origin === 'brokered');
    expect(brokered).toMatchObject({ source: 'school', daysPlanned: 2, daysUsed: 1 });
  });

  it('O14: a brokered match is recorded against an approved priority, agreed into the school’s record, and its days used and impact follow', async () => {
    const api = await makeLaApi();
    const overview = await api.overview('demo-facilitator', `/api/la/${api.la}/overview`);
    const match = overview.body.areas.flatMap((a) => a.matches).find((m) => !m.brokered);
    if (!match) throw new Error('no match');
    const { body: themes } = await api.get<{ items: { itemId: string; kind: string; area: string }[] }>('demo-facilitator', `/api/themes?ownerKey=school:${match.need.ownerId}`);
    const priority = themes.items.find((i) => i.kind === 'priority' && i.area === match.need.area) ?? themes.items.find((i) => i.kind === 'priority');
    const created = await api.send('demo-facilitator', 'POST', '/api/la/brokered', {
      schoolId: match.need.ownerId, priorityId: priority?.itemId, source: 'school', providerSchoolId: match.offer.ownerId, provider: 'Ysgol bartner',
      description: 'Dau ymweliad', daysPlanned: 3, matchedFrom: `school:${match.offer.ownerId}#${match.offer.itemId}`,
    });
    expect(created.status).toBe(201);
    const { support } = (await created.json()) as { support: BrokeredSupport };
    const record = await api.records.current(`school:${match.need.ownerId}`);
    expect(BrokeredSupport.parse(record.subjects[`brokered:${support.id}`])).toMatchObject({ priorityId: priority?.itemId, daysPlanned: 3, daysUsed: 0, recordedBy: 'demo-facilitator' });
    const after = await api.overview('demo-facilitator', `/api/la/${api.la}/overview`);
    expect(after.body.areas.flatMap((a) => a.matches).some((m) => m.need.ownerId === match.need.ownerId && m.offer.ownerId === match.offer.ownerId && m.brokered)).toBe(true);

    const updated = await api.send('demo-facilitator', 'PATCH', `/api/la/brokered/${match.need.ownerId}/${support.id}`, { daysUsed: 2, impact: 'Mae’r staff yn defnyddio’r dull.' });
    expect(updated.status).toBe(200);
    const versions = (await api.records.versions(`school:${match.need.ownerId}`)).filter((v) => v.subject === `brokered:${support.id}`);
    expect(versions).toHaveLength(2);
    const ledger = await api.get<Ledger>('demo-facilitator', `/api/la/${api.la}/ledger`);
    const line = ledger.body.schools.find((s) => s.schoolId === match.need.ownerId)?.lines.find((l) => l.brokeredId === support.id);
    expect(line).toMatchObject({ daysPlanned: 3, daysUsed: 2, impact: 'Mae’r staff yn defnyddio’r dull.', priorityId: priority?.itemId });

    // Against a priority the governors never approved: refused, nothing recorded.
    const refused = await api.send('demo-facilitator', 'POST', '/api/la/brokered', {
      schoolId: match.need.ownerId, priorityId: 'pri-not-approved', source: 'la', provider: 'ALl', description: 'x', daysPlanned: 1,
    });
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([409, 'support.priority-not-agreed']);
    expect((await api.send('demo-facilitator', 'PATCH', `/api/la/brokered/${match.need.ownerId}/nope`, { daysUsed: 1, impact: '' })).status).toBe(404);
  });

  it('O15: a school below its setting’s minimum facilitator days is flagged on the ledger, and the LA’s own minimum applies', async () => {
    const api = await makeLaApi();
    const { body } = await api.get<Ledger>('demo-la-officer', `/api/la/${api.la}/ledger`);
    for (const s of body.schools) {
      expect(s.minimumDays).toBe(body.settings.minimumDays[s.setting]);
      expect(s.belowMinimum).toBe(s.facilitatorDays.planned < s.minimumDays);
    }
    expect(body.schools.some((s) => s.belowMinimum)).toBe(true);
    const settings = (await api.get<Record<string, unknown>>('demo-la-officer', `/api/la/${api.la}/settings`)).body;
    const zero = Object.fromEntries(Object.keys(body.settings.minimumDays).map((k) => [k, 0]));
    expect((await api.send('demo-la-officer', 'PUT', `/api/la/${api.la}/settings`, { ...settings, minimumDays: zero })).status).toBe(200);
    const again = await api.get<Ledger>('demo-la-officer', `/api/la/${api.la}/ledger`);
    expect(again.body.schools.some((s) => s.belowMinimum)).toBe(false);
  });
});
