import { describe, expect, it, vi } from 'vitest';
import type * as Y from 'yjs';
import { developmentPlan, workspace } from '@cydweithio/model/docs/index';
import { MATCHES_PER_NEED } from '@cydweithio/model/rules/laOverview';
import { makeLaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000 });

describe('the LA overview, from agreed records', () => {
  it('O5, O26: the demo LA’s overview shows its themes, areas, strengths, needs and matches at once', async () => {
    const api = await makeLaApi();
    const { status, body } = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    expect(status).toBe(200);
    expect(body.tags.map((t) => t.id)).toEqual(['additional-learning-needs', 'attendance', 'feedback', 'leadership', 'transition', 'well-being', 'welsh-oracy']);
    expect(body.themes.map((t) => t.tagId)).toEqual(body.tags.map((t) => t.id));
    for (const theme of body.themes) {
      expect(theme.priorities.length).toBeGreaterThan(0);
      expect(theme.priorities.every((p) => p.tagIds.includes(theme.tagId))).toBe(true);
    }
    expect(body.areas.map((a) => a.area)).toEqual(['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being']);
    const all = body.areas.flatMap((a) => a.matches);
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((m) => m.brokered)).toBe(true);
    // The demo cluster's shared priorities, as its convenor agreed them.
    expect(body.areas.some((a) => a.collaborativeIds.includes(api.cast.clusterId))).toBe(true);
    expect(body.schools[api.cast.primaryId]?.name.cy.length).toBeGreaterThan(0);
  });

  it('O1, O2: an edit to a live plan after its approval is absent; agreeing it again brings it in', async () => {
    const api = await makeLaApi();
    const planId = api.docsOf('development-plan', api.cast.primaryId).at(-1) ?? '';
    const doc = await api.getDoc(planId);
    const first = developmentPlan(doc).priorities()[0];
    if (!first) throw new Error('no priority');
    first.text('title').insert(0, 'DRAFT-ONLY ');
    const overview = await api.get('demo-facilitator', `/api/la/${api.la}/overview`);
    expect(JSON.stringify(overview.body)).not.toContain('DRAFT-ONLY');
    // The governors approve it again: now it is agreed, so it is in the picture.
    expect((await api.post('demo-governor', `/api/plans/${planId}/approve`, { meetingDate: '2026-11-30' })).status).toBe(201);
    expect(JSON.stringify((await api.get('demo-facilitator', `/api/la/${api.la}/overview`)).body)).toContain('DRAFT-ONLY');
  });

  it('O3: a collaborative’s proposed priority in the live workspace is absent; only agreed or completed ones count', async () => {
    const api = await makeLaApi();
    const wsId = api.docOf('workspace');
    const doc: Y.Doc = await api.getDoc(wsId);
    workspace(doc).addPriority({ id: 'pri-live-only', area: 'curriculum', title: 'LIVE-WORKSPACE-ONLY' });
    const overview = await api.overview('demo-facilitator', `/api/la/${api.la}/overview`);
    expect(JSON.stringify(overview.body)).not.toContain('LIVE-WORKSPACE-ONLY');
    const cluster = overview.body.areas.flatMap((a) => a.priorities).filter((p) => p.ownerType === 'collaborative');
    expect(cluster.length).toBeGreaterThan(0);
    expect(cluster.every((p) => p.subject.startsWith('priority:'))).toBe(true);
  });

  it('O4: a new agreement is seen at once: the digest follows the record’s revision', async () => {
    const api = await makeLaApi();
    const before = await api.overview('demo-facilitator', `/api/la/${api.la}/overview`);
    const someone = before.body.areas.flatMap((a) => a.needs)[0];
    if (!someone) throw new Error('no need');
    const r = await api.send('demo-facilitator', 'POST', '/api/la/brokered', {
      schoolId: someone.ownerId, priorityId: 'pri-1', source: 'la', provider: 'Tîm yr ALl', description: 'Hyfforddiant', daysPlanned: 3,
    });
    expect(r.status).toBe(201);
    const ledger = await api.get<{ schools: { schoolId: string; lines: { origin: string; provider: string }[] }[] }>('demo-facilitator', `/api/la/${api.la}/ledger`);
    expect(ledger.body.schools.find((s) => s.schoolId === someone.ownerId)?.lines.some((l) => l.origin === 'brokered' && l.provider === 'Tîm yr ALl')).toBe(true);
  });

  it('O6: a partnership’s overview covers its LAs; an unknown one is 404', async () => {
    const api = await makeLaApi();
    const { body } = await api.get<{ partnerships: { id: string; laCodes: number[] }[] }>('demo-la-officer', `/api/la/${api.la}/partnerships`);
    const [partnership] = body.partnerships;
    if (!partnership) throw new Error('no partnership');
    const overview = await api.overview('demo-la-officer', `/api/la/partnerships/${partnership.id}/overview`);
    expect(overview.status).toBe(200);
    expect(overview.body.scope).toEqual({ type: 'partnership', id: partnership.id, laCodes: partnership.laCodes });
    const laCodes = new Set(Object.values(overview.body.schools).map((s) => s.laCode));
    expect([...laCodes].every((code) => partnership.laCodes.includes(code))).toBe(true);
    expect(laCodes.size).toBeGreaterThan(1);
    expect((await api.get('demo-la-officer', '/api/la/partnerships/no-such/overview')).status).toBe(404);
  });

  it('O44: the overview answer carries each item once, keyed, and the groups name the keys', async () => {
    const api = await makeLaApi();
    const partnershipId = (await api.get<{ partnerships: { id: string }[] }>('demo-la-officer', `/api/la/${api.la}/partnerships`)).body.partnerships[0]?.id ?? '';
    type Answer = { items: Record<string, { ownerId: string; itemId: string }>; areas: { priorities: string[]; strengths: string[]; needs: string[]; matches: { need: string; offer: string }[] }[] };
    for (const path of [`/api/la/${api.la}/overview`, `/api/la/partnerships/${partnershipId}/overview`]) {
      const raw = await api.get<Answer>('demo-la-officer', path);
      const named = raw.body.areas.flatMap((g) => [...g.priorities, ...g.strengths, ...g.needs, ...g.matches.flatMap((m) => [m.need, m.offer])]);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((key) => typeof key === 'string' && key in raw.body.items)).toBe(true);
      const read = await api.overview('demo-la-officer', path);
      expect(read.body.areas.flatMap((a) => a.priorities).length).toBe(raw.body.areas.flatMap((a) => a.priorities).length);
      expect(JSON.stringify(raw.body).length).toBeLessThan(JSON.stringify(read.body).length);
    }
  });

  it('O7: matches pair a need with another school’s strength in the same area, nearest first, at most three per need', async () => {
    const api = await makeLaApi();
    const { body } = await api.overview('demo-facilitator', `/api/la/${api.la}/overview`);
    for (const group of body.areas) {
      const perNeed = new Map<string, typeof group.matches>();
      for (const m of group.matches) {
        expect(m.offer.area).toBe(group.area);
        expect(m.need.area).toBe(group.area);
        expect(m.offer.ownerId).not.toBe(m.need.ownerId);
        const key = `${m.need.ownerId}#${m.need.itemId}`;
        perNeed.set(key, [...(perNeed.get(key) ?? []), m]);
      }
      for (const list of perNeed.values()) {
        expect(list.length).toBeLessThanOrEqual(MATCHES_PER_NEED);
        expect(new Set(list.map((m) => m.offer.ownerId)).size).toBe(list.length);
        const km = list.map((m) => m.distanceKm ?? Infinity);
        expect(km).toEqual([...km].sort((a, b) => a - b));
      }
    }
    for (const theme of body.themes) for (const m of theme.matches) expect(m.offer.tagIds).toContain(theme.tagId);
  });

  it('O8, O11: no list is ordered by a judgement: priorities by owner, schools by number, and no judgement, status or placement is in the answer', async () => {
    const api = await makeLaApi();
    const { body } = await api.overview('demo-la-officer', `/api/la/${api.la}/overview`);
    const text = JSON.stringify(body);
    for (const key of ['"judgement"', '"status"', '"placement"', '"supportLevel"', '"belowMinimum"']) expect(text).not.toContain(key);
    for (const group of [...body.areas, ...body.themes]) {
      expect(group.schoolIds).toEqual([...group.schoolIds].sort());
      const owners = group.priorities.map((p) => `${p.ownerType}:${p.ownerId}#${p.itemId}`);
      expect(owners).toEqual([...owners].sort());
    }
    expect(body.withoutApprovedPlan).toEqual([...body.withoutApprovedPlan].sort());
  });
});
