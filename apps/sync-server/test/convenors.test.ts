import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, roleAssignments } from '../src/db/schema/directory';
import { notifications } from '../src/db/schema/notifications';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

/** Naming and taking off a collaborative's convenors one at a time (G43-G45, A153), on the demo cluster. */
const freshDemoApi = demoApiPerTest();

type Convenors = {
  mayName: boolean; max: number;
  convenors: { person: { id: string; name: string }; places: { role: string; schoolId: string }[]; grantedBy: { id: string } | null; removable: boolean }[];
  trail: { action: string; by: { id: string; name: string | null } | null; person: { id: string; name: string | null } | null; reason: string | null }[];
};

async function setup() {
  const api = await freshDemoApi();
  const collaborativeId = api.dataset.cast.clusterId;
  const base = `/api/collaboratives/${encodeURIComponent(collaborativeId)}/convenors`;
  /** The named demo cast: every kind of person the table tests run over. */
  const cast = api.dataset.people.map((p) => p.id).filter((id) => id.startsWith('demo-'));
  const name = (by: string, personId: string) => api.request(by, base, { method: 'POST', body: JSON.stringify({ personId }) });
  const remove = (by: string, personId: string) => api.request(by, `${base}/${encodeURIComponent(personId)}`, { method: 'DELETE' });
  const view = async (by: string) => (await json(await api.request(by, base))) as unknown as Convenors;
  const convenors = async () => (await api.sql.all((db) => db.select().from(roleAssignments)
    .where(and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeId, collaborativeId))))).map((r) => r.personId).sort();
  const audited = async (action: string) => (await api.sql.all((db) => db.select().from(auditLog))).filter((r) => r.action === action).map((r) => ({ actor: r.actorPersonId, ...r.detail }));
  const told = async () => (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind === 'convenor-named')
    .map((n) => ({ to: n.personId, by: n.actorPersonId, collaborativeId: n.collaborativeId }));
  return { api, collaborativeId, base, cast, name, remove, view, convenors, audited, told };
}

const mayChange = ['demo-convenor', 'demo-la-officer'];

describe('seeing and naming convenors', () => {
  it('G43: only the cluster\'s convenor and an officer of a member school\'s LA see its convenors or name one, for every person', async () => {
    const { api, cast, base, name, view, convenors } = await setup();
    for (const person of cast) {
      const seen = await api.request(person, base);
      expect([person, seen.status]).toEqual([person, mayChange.includes(person) ? 200 : 403]);
      if (mayChange.includes(person)) continue;
      const refused = await name(person, 'demo-senior-leader');
      expect([person, refused.status, (await json(refused))['code']]).toEqual([person, 403, 'collaborative.forbidden']);
      expect((await api.request(person, `${base}/candidates?q=Owain`)).status).toBe(403);
    }
    expect(await convenors()).toEqual(['demo-convenor']);
    const only = await view('demo-convenor');
    expect(only.convenors.map((c) => [c.person.id, c.removable])).toEqual([['demo-convenor', false]]);
    expect(only.mayName).toBe(true);
    expect((await api.request('demo-convenor', '/api/collaboratives/no-such/convenors')).status).toBe(404);
  });

  it('G43: the convenor names a member school\'s leader found by name; audited, listed with who named them, the trail says so; a practitioner or an outside headteacher is refused', async () => {
    const { api, collaborativeId, base, name, view, convenors, audited } = await setup();
    const found = (await json(await api.request('demo-convenor', `${base}/candidates?q=Owain`)))['people'] as { personId: string; role: string; schoolId: string }[];
    expect(found.map((p) => [p.personId, p.role, p.schoolId])).toEqual([['demo-senior-leader', 'senior-leader', api.dataset.cast.primaryId]]);
    // The search finds only leaders of member schools who do not convene yet.
    const byNames = async (q: string) => ((await json(await api.request('demo-convenor', `${base}/candidates?q=${encodeURIComponent(q)}`)))['people'] as { personId: string }[]).map((p) => p.personId);
    expect(await byNames('Ffion')).toEqual([]);
    expect(await byNames('Nia')).toEqual([]);
    expect(await byNames('Dafydd')).toEqual([]);
    expect((await api.request('demo-convenor', `${base}/candidates?q=O`)).status).toBe(400);

    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    expect(await convenors()).toEqual(['demo-convenor', 'demo-senior-leader']);
    expect(await audited('granted')).toEqual([{ actor: 'demo-convenor', personId: 'demo-senior-leader', role: 'convenor', collaborativeId }]);
    const listed = await view('demo-convenor');
    const named = listed.convenors.find((c) => c.person.id === 'demo-senior-leader');
    expect([named?.grantedBy?.id, named?.places.map((p) => p.role), named?.removable]).toEqual(['demo-convenor', ['senior-leader'], true]);
    expect(listed.trail.map((e) => [e.action, e.by?.name, e.person?.name])).toEqual([['granted', 'Dafydd Williams', 'Owain Jones']]);
    // The joint convenor sees and changes them too now.
    expect((await view('demo-senior-leader')).convenors).toHaveLength(2);
    // C306: the collaborative's directory entry names every convenor, the first-named first.
    const entry = (await json(await api.request('demo-convenor', `/api/directory/collaboratives/${encodeURIComponent(collaborativeId)}`)))['collaborative'] as { convenor: { id: string }; convenors: { id: string; name: string }[] };
    expect([entry.convenor.id, entry.convenors.map((c) => [c.id, c.name])]).toEqual(['demo-convenor', [['demo-convenor', 'Dafydd Williams'], ['demo-senior-leader', 'Owain Jones']]]);

    for (const [whom, reason] of [['demo-practitioner', 'grant.grantee-not-member-staff'], ['demo-reviewer', 'grant.grantee-not-member-staff'], ['demo-la-officer', 'grant.grantee-not-member-staff']] as const) {
      const refused = await name('demo-convenor', whom);
      const problem = await json(refused);
      expect([whom, refused.status, problem['code'], problem['detail']]).toEqual([whom, 403, 'grant.forbidden', reason]);
    }
    const again = await name('demo-la-officer', 'demo-senior-leader');
    expect([again.status, (await json(again))['code']]).toEqual([409, 'collaborative.already-convenor']);
    expect((await name('demo-convenor', 'nobody-at-all')).status).toBe(404);
  });

  it('G43: a collaborative has at most four convenors; bodies are bounded and validated', async () => {
    const { api, base, name, view, convenors } = await setup();
    for (const person of ['demo-headteacher', 'demo-senior-leader', 'demo-headteacher-secondary']) expect((await name('demo-la-officer', person)).status).toBe(201);
    expect((await view('demo-convenor')).mayName).toBe(false);
    const fifth = await name('demo-convenor', 'demo-senior-leader-secondary');
    expect([fifth.status, (await json(fifth))['code']]).toEqual([409, 'collaborative.too-many-convenors']);
    expect(await convenors()).toHaveLength(4);
    expect((await api.request('demo-convenor', base, { method: 'POST', body: JSON.stringify({ personId: 'demo-senior-leader', pad: 'x'.repeat(5000) }) })).status).toBe(413);
    expect((await api.request('demo-convenor', base, { method: 'POST', body: JSON.stringify({ personId: 'demo-senior-leader', extra: 1 }) })).status).toBe(400);
    expect((await api.request('demo-convenor', base, { method: 'POST', body: JSON.stringify({ personId: '' }) })).status).toBe(400);
  });
});

describe('taking a convenor off', () => {
  it('G43: any convenor goes while another stays (the first-named and oneself too), audited; the last one\'s removal is refused to everyone with its own code', async () => {
    const { collaborativeId, cast, name, remove, view, convenors, audited, api } = await setup();
    expect((await remove('demo-convenor', 'demo-convenor')).status).toBe(409);
    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    const notConvenor = await remove('demo-convenor', 'demo-headteacher');
    expect([notConvenor.status, (await json(notConvenor))['code']]).toEqual([404, 'collaborative.not-convenor']);
    // The first-named convenor takes themselves off; the joint one stays and convenes alone.
    expect((await remove('demo-convenor', 'demo-convenor')).status).toBe(204);
    expect(await convenors()).toEqual(['demo-senior-leader']);
    expect(await audited('revoked')).toEqual([{ actor: 'demo-convenor', personId: 'demo-convenor', role: 'convenor', collaborativeId }]);
    expect((await api.request('demo-convenor', `/api/collaboratives/${encodeURIComponent(collaborativeId)}/convenors`)).status).toBe(403);
    expect((await view('demo-senior-leader')).convenors.map((c) => [c.person.id, c.removable])).toEqual([['demo-senior-leader', false]]);
    for (const person of cast) {
      const refused = await remove(person, 'demo-senior-leader');
      expect([person, refused.status]).toEqual([person, ['demo-senior-leader', 'demo-la-officer'].includes(person) ? 409 : 403]);
      if (refused.status === 409) expect((await json(refused))['code']).toBe('collaborative.last-convenor');
    }
    expect(await convenors()).toEqual(['demo-senior-leader']);
    const trail = (await view('demo-la-officer')).trail.map((e) => [e.action, e.by?.id, e.person?.id]);
    expect(trail).toEqual([['revoked', 'demo-convenor', 'demo-convenor'], ['granted', 'demo-convenor', 'demo-senior-leader']]);
  });

  it('G43: two convenors each taking the other off at the same moment leave one, never none', async () => {
    const { api, collaborativeId, name, remove, convenors } = await setup();
    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    const [a, b] = await Promise.all([remove('demo-convenor', 'demo-senior-leader'), remove('demo-senior-leader', 'demo-convenor')]);
    // Whichever comes second is refused: as the last convenor's removal, or as someone no longer convening.
    expect([[a.status, b.status].filter((s) => s === 204).length, [a.status, b.status].every((s) => [204, 403, 409].includes(s))]).toEqual([1, true]);
    expect(await convenors()).toHaveLength(1);
    // The store's own step decides the count inside its transaction, whatever the routes saw.
    expect((await name('demo-la-officer', 'demo-headteacher')).status).toBe(201);
    const [first] = await convenors();
    const writes = api.layer.services.directoryWrites;
    const outcomes = await Promise.all([writes.removeConvenor(collaborativeId, first ?? ''), writes.removeConvenor(collaborativeId, 'demo-headteacher')]);
    expect(outcomes.sort()).toEqual(['last', 'removed']);
    expect(await convenors()).toHaveLength(1);
  });

  it('G43: taking off a convenor takes only that role: a member contact role the person holds stays; their sockets and the workspace\'s are re-checked', async () => {
    const { api, collaborativeId, name, remove } = await setup();
    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    await api.sql.run((db) => db.insert(roleAssignments).values({ id: 'role-contact-test', personId: 'demo-senior-leader', role: 'member-contact', scopeType: 'collaborative', scopeId: collaborativeId }));
    api.rechecks.length = 0;
    expect((await remove('demo-convenor', 'demo-senior-leader')).status).toBe(204);
    const left = (await api.sql.all((db) => db.select().from(roleAssignments).where(and(eq(roleAssignments.personId, 'demo-senior-leader'), eq(roleAssignments.scopeId, collaborativeId))))).map((r) => r.role);
    expect(left).toEqual(['member-contact']);
    expect(api.rechecks).toContainEqual({ personIds: ['demo-senior-leader'] });
    expect(api.rechecks.some((r) => (r.docIds ?? []).includes(api.docOf('workspace')))).toBe(true);
    expect(api.nudged).toContain('convening');
  });
});

describe('the newly named convenor is told', () => {
  it('A153: naming a convenor tells that person alone, naming the collaborative and who named them; a refused naming tells nobody', async () => {
    const { api, collaborativeId, name, told } = await setup();
    expect((await name('demo-convenor', 'demo-practitioner')).status).toBe(403);
    expect(await told()).toEqual([]);
    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    expect(await told()).toEqual([{ to: 'demo-senior-leader', by: 'demo-convenor', collaborativeId }]);
    const listed = (await json(await api.request('demo-senior-leader', '/api/notifications'))) as { unread: number; notifications: { kind: string; actor: { name: string } | null; collaborative: { id: string } | null }[] };
    expect([listed.unread, listed.notifications[0]?.kind, listed.notifications[0]?.actor?.name, listed.notifications[0]?.collaborative?.id]).toEqual([1, 'convenor-named', 'Dafydd Williams', collaborativeId]);
    expect(((await json(await api.request('demo-convenor', '/api/notifications')))['notifications'] as unknown[]).length).toBe(0);
  });

  it('A153: an LA officer\'s edit tells each convenor it newly names, and nobody it keeps or takes off', async () => {
    const { api, collaborativeId, told } = await setup();
    const current = (await json(await api.request('demo-la-officer', `/api/directory/collaboratives/${encodeURIComponent(collaborativeId)}`)))['collaborative'] as Record<string, unknown>;
    const { id: _id, synthetic: _synthetic, members: _members, convenor: _convenor, facilitators: _facilitators, convenorId: _convenorId, ...fields } = current;
    const put = (body: Record<string, unknown>) => api.request('demo-la-officer', `/api/directory/collaboratives/${encodeURIComponent(collaborativeId)}`, { method: 'PUT', body: JSON.stringify({ ...fields, ...body }) });
    expect((await put({ convenorIds: ['demo-convenor', 'demo-headteacher', 'demo-senior-leader'] })).status).toBe(200);
    expect((await told()).map((t) => t.to).sort()).toEqual(['demo-headteacher', 'demo-senior-leader']);
    expect((await put({ convenorIds: ['demo-headteacher'] })).status).toBe(200);
    expect((await told()).map((t) => t.to).sort()).toEqual(['demo-headteacher', 'demo-senior-leader']);
    expect((await told()).every((t) => t.by === 'demo-la-officer' && t.collaborativeId === collaborativeId)).toBe(true);
  });
});

describe('an LA officer\'s edit naming one convenor', () => {
  async function jointly() {
    const s = await setup();
    expect((await s.name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    const current = (await json(await s.api.request('demo-la-officer', `/api/directory/collaboratives/${encodeURIComponent(s.collaborativeId)}`)))['collaborative'] as Record<string, unknown>;
    const { id: _id, synthetic: _synthetic, members: _members, convenor: _convenor, facilitators: _facilitators, convenorId: _convenorId, ...fields } = current;
    const put = (body: Record<string, unknown>) => s.api.request('demo-la-officer', `/api/directory/collaboratives/${encodeURIComponent(s.collaborativeId)}`, { method: 'PUT', body: JSON.stringify({ ...fields, ...body }) });
    return { ...s, current, put };
  }

  it('G44: a body carrying only convenorId, the first-named as it was read, keeps the joint convenors and audits nothing', async () => {
    const { current, put, convenors, audited } = await jointly();
    expect(current['convenorId']).toBe('demo-convenor');
    expect((await put({ convenorId: 'demo-convenor', name: { cy: 'Enw newydd', en: 'New name' } })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-convenor', 'demo-senior-leader']);
    expect(await audited('revoked')).toEqual([]);
  });

  it('G44: a body carrying only another convenorId replaces the first-named convenor alone; the joint convenor stays; audited', async () => {
    const { api, collaborativeId, put, convenors, audited, told } = await jointly();
    expect((await put({ convenorId: 'demo-headteacher-secondary' })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-headteacher-secondary', 'demo-senior-leader']);
    expect(await audited('revoked')).toEqual([{ actor: 'demo-la-officer', personId: 'demo-convenor', role: 'convenor', collaborativeId }]);
    expect(await audited('granted')).toContainEqual({ actor: 'demo-la-officer', personId: 'demo-headteacher-secondary', role: 'convenor', collaborativeId });
    expect((await told()).map((t) => t.to)).toContain('demo-headteacher-secondary');
    // The longest-standing convenor is now the first-named, as the directory reads it back.
    const reread = (await json(await api.request('demo-la-officer', `/api/directory/collaboratives/${encodeURIComponent(collaborativeId)}`)))['collaborative'] as Record<string, unknown>;
    expect(reread['convenorId']).toBe('demo-senior-leader');
    // Naming the joint convenor as the one convenor takes the first-named off, and nobody else.
    expect((await put({ convenorId: 'demo-headteacher-secondary' })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-headteacher-secondary']);
  });

  it('G44: a body naming neither convenorId nor convenorIds names nobody and is refused; convenorIds still names every convenor', async () => {
    const { put, convenors } = await jointly();
    const refused = await put({});
    expect([refused.status, (await json(refused))['code']]).toEqual([409, 'collaborative.last-convenor']);
    expect((await put({ convenorId: 'demo-convenor', convenorIds: ['demo-senior-leader'] })).status).toBe(200);
    expect(await convenors()).toEqual(['demo-senior-leader']);
  });
});

describe('the convenors\' trail', () => {
  it('G45: every change by any route is in the trail the convenors and the member LA\'s officers see, newest first, with who and whom; a lapse says so', async () => {
    const { api, collaborativeId, name, remove, view } = await setup();
    expect((await name('demo-convenor', 'demo-senior-leader')).status).toBe(201);
    expect((await name('demo-la-officer', 'demo-headteacher-secondary')).status).toBe(201);
    expect((await remove('demo-senior-leader', 'demo-headteacher-secondary')).status).toBe(204);
    // The joint convenor's school leaves: their role lapses (P45) and the trail says why.
    await api.request('demo-headteacher', `/api/collaboratives/${encodeURIComponent(collaborativeId)}/leave`, { method: 'POST', body: JSON.stringify({ schoolId: api.dataset.cast.primaryId }) });
    for (const person of mayChange) {
      const trail = (await view(person)).trail.map((e) => [e.action, e.by?.id, e.person?.id, e.reason]);
      expect([person, trail]).toEqual([person, [
        ['revoked', 'demo-headteacher', 'demo-senior-leader', 'lapsed'],
        ['revoked', 'demo-senior-leader', 'demo-headteacher-secondary', null],
        ['granted', 'demo-la-officer', 'demo-headteacher-secondary', null],
        ['granted', 'demo-convenor', 'demo-senior-leader', null],
      ]]);
    }
  });
});
