/**
 * O20: every door of the LA's picture, for every role, through the real server: what the model's
 * policy says (P76-P84) is what the route does. Written out by hand.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { makeLaApi, type LaApi } from './support/la-api';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** The demo people, one per role (the member contact is the secondary's practitioner). */
const people = {
  headteacher: 'demo-headteacher',
  'senior-leader': 'demo-senior-leader',
  practitioner: 'demo-practitioner',
  governor: 'demo-governor',
  convenor: 'demo-convenor',
  'member-contact': 'demo-practitioner-secondary',
  'la-facilitator': 'demo-facilitator',
  'la-officer': 'demo-la-officer',
} as const;
type Role = keyof typeof people;
const roles = Object.keys(people) as Role[];
const LA_ONLY: Role[] = ['la-facilitator', 'la-officer'];
const OFFICER: Role[] = ['la-officer'];
const SCHOOL_TAGGERS: Role[] = ['headteacher', 'senior-leader', 'la-facilitator', 'la-officer'];
const CLUSTER_TAGGERS: Role[] = ['convenor', 'la-facilitator', 'la-officer'];

let api: LaApi;
let settings: unknown;
let partnershipId = '';

beforeAll(async () => {
  api = await makeLaApi();
  settings = (await api.get('demo-la-officer', `/api/la/${api.la}/settings`)).body;
  partnershipId = ((await api.get<{ partnerships: { id: string }[] }>('demo-la-officer', `/api/la/${api.la}/partnerships`)).body.partnerships[0]?.id) ?? '';
});

interface Door {
  rule: string;
  name: string;
  allowed: Role[];
  call: (person: string, role: Role) => Promise<Response>;
}

const doors = (): Door[] => {
  const la = api.la;
  const primary = api.cast.primaryId;
  const cluster = api.cast.clusterId;
  const get = (path: string) => (person: string) => api.request(person, path);
  return [
    { rule: 'P76', name: 'GET overview', allowed: LA_ONLY, call: get(`/api/la/${la}/overview`) },
    { rule: 'P77', name: 'GET partnership overview', allowed: LA_ONLY, call: get(`/api/la/partnerships/${partnershipId}/overview`) },
    { rule: 'P76', name: 'GET partnerships', allowed: LA_ONLY, call: get(`/api/la/${la}/partnerships`) },
    { rule: 'P78', name: 'GET settings', allowed: LA_ONLY, call: get(`/api/la/${la}/settings`) },
    { rule: 'P78', name: 'PUT settings', allowed: OFFICER, call: (p) => api.send(p, 'PUT', `/api/la/${la}/settings`, settings) },
    { rule: 'P78', name: 'POST theme', allowed: OFFICER, call: (p, role) => api.send(p, 'POST', `/api/la/${la}/themes`, { label: { cy: `Thema ${role}`, en: `Theme ${role}` } }) },
    { rule: 'P78', name: 'DELETE theme', allowed: OFFICER, call: async (p, role) => {
      await api.send('demo-la-officer', 'POST', `/api/la/${la}/themes`, { label: { cy: `Dileu ${role}`, en: `Delete ${role}` } });
      return api.send(p, 'DELETE', `/api/la/${la}/themes/delete-${role}`);
    } },
    { rule: 'P79', name: 'GET themes of a school', allowed: SCHOOL_TAGGERS, call: get(`/api/themes?ownerKey=school:${primary}`) },
    { rule: 'P79', name: 'PUT a school item’s tags', allowed: SCHOOL_TAGGERS, call: (p) => api.send(p, 'PUT', '/api/themes/items', { ownerKey: `school:${primary}`, itemId: 'pri-oracy', tagIds: ['welsh-oracy'] }) },
    { rule: 'P79', name: 'GET themes of a collaborative', allowed: CLUSTER_TAGGERS, call: get(`/api/themes?ownerKey=collaborative:${cluster}`) },
    { rule: 'P80', name: 'POST brokered support', allowed: LA_ONLY, call: (p) => api.send(p, 'POST', '/api/la/brokered', {
      schoolId: primary, priorityId: 'pri-oracy', source: 'la', provider: 'Tîm yr ALl', description: 'Cefnogaeth', daysPlanned: 1,
    }) },
    { rule: 'P81', name: 'GET ledger', allowed: LA_ONLY, call: get(`/api/la/${la}/ledger`) },
    { rule: 'P76', name: 'GET coverage map', allowed: LA_ONLY, call: get(`/api/la/${la}/coverage-map`) },
    { rule: 'P82', name: 'GET continuum', allowed: OFFICER, call: get(`/api/la/${la}/continuum`) },
    { rule: 'P82', name: 'POST continuum', allowed: OFFICER, call: (p) => api.send(p, 'POST', `/api/la/${la}/continuum`, { schoolId: primary, areaId: 'behaviour', placement: 'improving', decidedOn: '2026-11-20' }) },
    { rule: 'P84', name: 'GET team', allowed: LA_ONLY, call: get(`/api/la/${la}/team`) },
    { rule: 'P84', name: 'POST caseload', allowed: OFFICER, call: (p) => api.send(p, 'POST', `/api/la/${la}/caseloads`, { facilitatorId: 'demo-facilitator', schoolId: primary }) },
    { rule: 'P77', name: 'GET overview.html', allowed: LA_ONLY, call: get(`/api/la/${la}/export/overview.html`) },
    { rule: 'P77', name: 'GET overview.pdf', allowed: LA_ONLY, call: get(`/api/la/${la}/export/overview.pdf?lang=en`) },
    { rule: 'P77', name: 'GET coverage.csv', allowed: LA_ONLY, call: get(`/api/la/${la}/export/coverage.csv`) },
    { rule: 'P77', name: 'GET support-days.csv', allowed: LA_ONLY, call: get(`/api/la/${la}/export/support-days.csv`) },
  ];
};

describe('O20 the LA picture’s doors, every role', () => {
  it('O20: every door answers each role as the policy says, 403 la.forbidden otherwise, 401 signed out', async () => {
    const seen: string[][] = [];
    const wanted: string[][] = [];
    for (const door of doors()) {
      for (const role of roles) {
        const r = await door.call(people[role], role);
        const ok = r.status >= 200 && r.status < 300;
        const code = ok ? 'ok' : ((await r.json()) as { code: string }).code;
        seen.push([door.rule, door.name, role, code]);
        wanted.push([door.rule, door.name, role, door.allowed.includes(role) ? 'ok' : 'la.forbidden']);
      }
      const anonymous = await api.layer.routes.request(`http://localhost${door.name.includes('overview.') ? `/la/${api.la}/export/overview.html` : `/la/${api.la}/overview`}`);
      expect(anonymous.status).toBe(401);
    }
    expect(seen).toEqual(wanted);
  });

  it('O20: an LA role of another LA has no door into this LA', async () => {
    const r = await api.request('demo-la-officer', '/api/la/660/overview');
    expect([r.status, ((await r.json()) as { code: string }).code]).toEqual([403, 'la.forbidden']);
  });
});
