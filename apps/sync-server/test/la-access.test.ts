import { describe, expect, it, vi } from 'vitest';
import { makeLaApi, type LaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000 });

const code = async (r: Response) => [r.status, ((await r.json()) as { code?: string }).code];

interface LaAccessJson {
  roles: { id: string; role: string; person: { id: string; name: string }; grantedBy: { id: string; name: string } | null; grantedAt: string; removable: boolean }[];
  trail: { action: string; role: string; by: { name: string | null } | null; person: { id: string; name: string | null } | null }[];
  grantable: string[];
}

const access = (api: LaApi) => api.get<LaAccessJson>('demo-la-officer', `/api/la/${api.la}/access`);
const grant = (api: LaApi, personId: string, role: string, as = 'demo-la-officer') => api.send(as, 'POST', `/api/la/${api.la}/access`, { personId, role });
const roleOf = (body: LaAccessJson, personId: string, role: string) => body.roles.find((r) => r.person.id === personId && r.role === role);

/** Every demo person, each holding one kind of role (or an LA role elsewhere). */
const everyDemoRole = ['demo-headteacher', 'demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-convenor', 'demo-practitioner-secondary', 'demo-facilitator', 'demo-la-officer', 'demo-la-officer-other-la'];

describe('the LA’s own roles', () => {
  it('O40: only the LA’s officer sees who holds its roles, with who gave each and when; every other role is refused', async () => {
    const api = await makeLaApi();
    const statuses = await Promise.all(everyDemoRole.map(async (person) => [person, (await api.request(person, `/api/la/${api.la}/access`)).status]));
    expect(statuses.filter(([, status]) => status === 200).map(([person]) => person)).toEqual(['demo-la-officer']);
    expect(await code(await api.request('demo-facilitator', `/api/la/${api.la}/access`))).toEqual([403, 'la-access.forbidden']);
    expect(await code(await api.request('demo-la-officer-other-la', `/api/la/${api.la}/access/people?q=Ffion`))).toEqual([403, 'la-access.forbidden']);
    expect(await code(await grant(api, 'demo-practitioner', 'la-facilitator', 'demo-facilitator'))).toEqual([403, 'la-access.forbidden']);
    const { body } = await access(api);
    expect(body.roles.map((r) => [r.person.id, r.role]).sort()).toEqual([['demo-facilitator', 'la-facilitator'], ['demo-la-officer', 'la-officer']]);
    expect(body.grantable).toEqual(['la-facilitator', 'la-officer']);
    // The only officer may remove the facilitator, not themselves (O43).
    expect(roleOf(body, 'demo-facilitator', 'la-facilitator')?.removable).toBe(true);
    expect(roleOf(body, 'demo-la-officer', 'la-officer')?.removable).toBe(false);
  });

  it('O41: the officer finds people working in the LA by name or exact email, never anyone of another LA', async () => {
    const api = await makeLaApi();
    type Found = { people: { id: string; name: string; email: string; places: { role: string; schoolId: string | null }[] }[] };
    const byName = (await api.get<Found>('demo-la-officer', `/api/la/${api.la}/access/people?q=Ffion`)).body.people;
    expect(byName.map((p) => p.id)).toEqual(['demo-practitioner']);
    expect(byName[0]?.places).toMatchObject([{ role: 'practitioner', schoolId: api.cast.primaryId, schoolName: { cy: expect.any(String), en: expect.any(String) } }]);
    const byEmail = (await api.get<Found>('demo-la-officer', `/api/la/${api.la}/access/people?q=${encodeURIComponent(api.person('demo-governor').email.toUpperCase())}`)).body.people;
    expect(byEmail.map((p) => p.id)).toEqual(['demo-governor']);
    // Gwenan Parry heads a school of the neighbouring LA: not found here, and not given a role.
    expect((await api.get<Found>('demo-la-officer', `/api/la/${api.la}/access/people?q=Gwenan`)).body.people).toEqual([]);
    expect((await api.get<Found>('demo-la-officer', `/api/la/${api.la}/access/people?q=%25`)).status).toBe(400);
    expect(await code(await grant(api, 'demo-reviewer-other-la', 'la-facilitator'))).toEqual([404, 'la-access.person-not-found']);
    expect(await code(await grant(api, 'no-such-person', 'la-facilitator'))).toEqual([404, 'la-access.person-not-found']);
  });

  it('O42: the officer gives a facilitator role; it is audited with who gave it and when, and a second grant is refused; bodies are bounded', async () => {
    const api = await makeLaApi();
    expect((await grant(api, 'demo-practitioner', 'la-facilitator')).status).toBe(201);
    expect(await code(await grant(api, 'demo-practitioner', 'la-facilitator'))).toEqual([409, 'la-access.already-held']);
    expect(await code(await grant(api, 'demo-practitioner', 'headteacher'))).toEqual([400, 'request.invalid']);
    expect((await api.send('demo-la-officer', 'POST', `/api/la/${api.la}/access`, { personId: 'x'.repeat(70_000), role: 'la-officer' })).status).toBe(413);
    const { body } = await access(api);
    const given = roleOf(body, 'demo-practitioner', 'la-facilitator');
    expect(given?.grantedBy?.name).toBe('Huw Jenkins');
    expect(given?.grantedAt).toBe(new Date(Date.parse('2026-12-01T12:00:00Z')).toISOString());
    expect(body.trail).toEqual([{ at: given?.grantedAt, action: 'granted', role: 'la-facilitator', by: { id: 'demo-la-officer', name: 'Huw Jenkins' }, person: { id: 'demo-practitioner', name: 'Ffion Roberts' } }]);
    // The new facilitator reads the LA's picture now, and its team lists them.
    expect((await api.request('demo-practitioner', `/api/la/${api.la}/overview`)).status).toBe(200);
    const team = (await api.get<{ facilitators: { id: string }[] }>('demo-la-officer', `/api/la/${api.la}/team`)).body;
    expect(team.facilitators.map((f) => f.id)).toContain('demo-practitioner');
  });

  it('O43: removal ends the role and re-checks the person’s sockets; the last officer stays, a second officer lets the first step down', async () => {
    const api = await makeLaApi();
    await grant(api, 'demo-practitioner', 'la-facilitator');
    const given = roleOf((await access(api)).body, 'demo-practitioner', 'la-facilitator');
    expect((await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/access/${given?.id}`)).status).toBe(204);
    expect(api.rechecks).toContainEqual({ personIds: ['demo-practitioner'] });
    expect(await code(await api.request('demo-practitioner', `/api/la/${api.la}/overview`))).toEqual([403, 'la.forbidden']);
    expect(await code(await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/access/${given?.id}`))).toEqual([404, 'la-access.role-not-found']);
    // A school role is not this screen's to remove.
    const schoolRole = (await api.get<{ roles: { id: string; role: string }[] }>('demo-la-officer', `/api/schools/${api.cast.primaryId}/access`)).body.roles[0]?.id;
    expect(await code(await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/access/${schoolRole}`))).toEqual([404, 'la-access.role-not-found']);

    const own = roleOf((await access(api)).body, 'demo-la-officer', 'la-officer');
    expect(await code(await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/access/${own?.id}`))).toEqual([409, 'la-access.last-officer']);
    expect((await grant(api, 'demo-headteacher', 'la-officer')).status).toBe(201);
    expect(roleOf((await access(api)).body, 'demo-la-officer', 'la-officer')?.removable).toBe(true);
    expect((await api.send('demo-la-officer', 'DELETE', `/api/la/${api.la}/access/${own?.id}`)).status).toBe(204);
    expect(await code(await api.request('demo-la-officer', `/api/la/${api.la}/access`))).toEqual([403, 'la-access.forbidden']);
    // The new officer, now the last, sees the whole trail newest first and cannot leave.
    const after = (await api.get<LaAccessJson>('demo-headteacher', `/api/la/${api.la}/access`)).body;
    expect(after.trail.map((e) => [e.action, e.role, e.person?.id])).toEqual([
      ['revoked', 'la-officer', 'demo-la-officer'], ['granted', 'la-officer', 'demo-headteacher'],
      ['revoked', 'la-facilitator', 'demo-practitioner'], ['granted', 'la-facilitator', 'demo-practitioner'],
    ]);
    expect(roleOf(after, 'demo-headteacher', 'la-officer')?.removable).toBe(false);
    // The other LA's trail holds none of it.
    const other = (await api.get<LaAccessJson>('demo-la-officer-other-la', `/api/la/${api.cast.otherLaCode}/access`)).body;
    expect(other.trail).toEqual([]);
  });
});
