/**
 * Role grants follow ownership (ACCESS.md A65-A77), through the real server on port 0 with the
 * stock y-websocket client. As each role that does not answer for the demo primary school, a
 * test tries every invitation and role route to make itself (or an accomplice's new account)
 * one of the school's roles, then checks that no byte of the school's unshared peer review
 * reaches it: listing, export and socket. The rightful granters succeed, and a removal closes
 * the removed person's open socket ("within 1 s" is printed as measured, not asserted).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, CloseCode } from '@cydweithio/model';
import { resolveAccess, resourceFromRecord } from '@cydweithio/model/policy/index';
import { schoolRoles } from '@cydweithio/model/domain/person';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused, type AccessServer } from '../access/helpers/access-server';

let ctx: AccessServer;
/** The school whose roles are at stake: host of the demo's unshared peer review. */
let schoolId: string;
let reviewId: string;
let clusterId: string;
/** A collaborative in another LA, convened by the other LA's officer's own convenor account. */
const otherLaCode = 681;
const otherOfficer = { id: 'other-la-officer', email: 'swyddog.arall@demo.cydweithio.cymru' };

beforeAll(async () => {
  ctx = await startAccessServer();
  schoolId = ctx.dataset.cast.primaryId;
  clusterId = ctx.dataset.cast.clusterId;
  reviewId = ctx.docOf('peer-review');
  // An officer of another LA: the demo cast has none, so one is added the way the seed adds people.
  const sqlite = ctx.database.sqlite;
  sqlite.prepare("INSERT INTO people (id, name, email, password_hash) SELECT ?, 'Swyddog Arall', ?, password_hash FROM people WHERE id = 'demo-la-officer'").run(otherOfficer.id, otherOfficer.email);
  sqlite.prepare("INSERT INTO role_assignments (id, person_id, role, scope_type, scope_id) VALUES ('role-other-officer', ?, 'la-officer', 'la', ?)").run(otherOfficer.id, String(otherLaCode));
}, 60_000);

afterAll(async () => {
  await ctx.close();
});

const emailOf = (personId: string): string => (personId === otherOfficer.id ? otherOfficer.email : ctx.dataset.people.find((p) => p.id === personId)?.email ?? '');

async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await fetch(`${ctx.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ctx.server.url }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const cookies = new Map<string, string>();
async function cookieOf(personId: string): Promise<string> {
  const cached = cookies.get(personId);
  if (cached) return cached;
  const cookie = await login(emailOf(personId));
  cookies.set(personId, cookie);
  return cookie;
}

/** A same-origin call with an optional session cookie (none: anonymous). */
async function call(cookie: string | undefined, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { origin: ctx.server.url };
  if (cookie) headers['cookie'] = cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${ctx.server.url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) });
}

async function roleRows(personId: string): Promise<{ role: string; scope_type: string; scope_id: string }[]> {
  return ctx.database.sqlite.prepare('SELECT role, scope_type, scope_id FROM role_assignments WHERE person_id = ? ORDER BY role').all(personId) as { role: string; scope_type: string; scope_id: string }[];
}

async function personIdByEmail(email: string): Promise<string | undefined> {
  return (ctx.database.sqlite.prepare('SELECT id FROM people WHERE email = ?').get(email) as { id: string } | undefined)?.id;
}

/** What the model says this person may do with the peer review, from their current roles. */
async function policyAccess(personId: string): Promise<string | null> {
  const record = ctx.dataset.documents.find((d) => d.record.id === reviewId)?.record;
  const school = ctx.dataset.schools.find((s) => s.id === schoolId);
  if (!record || !school) throw new Error('demo review');
  const roles = (await roleRows(personId)).map((r) => (r.scope_type === 'school' ? { role: r.role, schoolId: r.scope_id } : r.scope_type === 'la' ? { role: r.role, laCode: Number(r.scope_id) } : { role: r.role, collaborativeId: r.scope_id }));
  const resource = resourceFromRecord(record, { school: (id) => ctx.dataset.schools.find((s) => s.id === id), collaborative: (id) => ctx.dataset.collaboratives.find((c) => c.id === id), partners: () => [] });
  if (!resource) throw new Error('demo review resource');
  return resolveAccess({ personId, roles: roles as never }, resource);
}

/** Every way a person could reach the review's bytes; 'none' when none of them gives any. */
async function reviewReach(cookie: string | undefined): Promise<{ listed: boolean; exportStatus: number; exportLeaks: boolean; socket: 'synced' | 'refused' }> {
  const listing = await call(cookie, '/api/documents');
  const listed = listing.status === 200 && ((await listing.json()) as { documents: { id: string }[] }).documents.some((d) => d.id === reviewId);
  const exported = await call(cookie, `/api/documents/${encodeURIComponent(reviewId)}/export?format=md`);
  const body = await exported.text();
  const exportLeaks = body.includes('Adolygiad gan gymheiriaid') || body.includes(reviewMarker);
  const client = connectAs(ctx.server, reviewId, cookie ?? '');
  try {
    return { listed, exportStatus: exported.status, exportLeaks, socket: await syncedOrRefused(client) };
  } finally {
    client.destroy();
  }
}

/** A line of the review's body, read once as its owner, to look for in what others get. */
let reviewMarker = '\u0000never';

/**
 * Every invitation and role route, tried by `cookie` to make `email` (their own, or an
 * accomplice's new address) a holder of `role` at the school. Returns the statuses, and the
 * tokens of any invitation the server made (then used as the invitee would).
 */
async function attempts(cookie: string | undefined, email: string, role: string, answersForSchool = false): Promise<{ route: string; status: number }[]> {
  const out: { route: string; status: number }[] = [];
  const tokens: string[] = [];
  const tryInvite = async (route: string, path: string, body: unknown) => {
    const response = await call(cookie, path, { method: 'POST', body });
    out.push({ route, status: response.status });
    if (response.status === 201) tokens.push(((await response.json()) as { token: string }).token);
  };
  await tryInvite('collaborative invitation', `/api/collaboratives/${clusterId}/invitations`, { email, role, schoolId });
  await tryInvite('school invitation', `/api/schools/${schoolId}/invitations`, { email, role });
  // The school's access list and its removal route answer only to those who answer for it
  // (the school's own LA officer does: P44, tried as a rightful granter below).
  if (!answersForSchool) await tryAccessRoutes(cookie, out);
  // Naming oneself convenor of the school's collaborative (a directory change).
  const cluster = ctx.dataset.collaboratives.find((c) => c.id === clusterId);
  const { id: _id, synthetic: _s, ...body } = cluster ?? ({} as never);
  const mine = await personIdByEmail(email);
  const put = await call(cookie, `/api/directory/collaboratives/${clusterId}`, { method: 'PUT', body: { ...body, convenorId: mine ?? 'demo-convenor' } });
  out.push({ route: 'name oneself convenor', status: put.status });
  // Whatever links were made, used by the invited address (signed in, or a new account).
  for (const token of tokens) {
    const account = await personIdByEmail(email);
    const accept = account
      ? await call(await login(email), `/api/invitations/${token}/accept`, { method: 'POST', body: {} })
      : await call(undefined, `/api/invitations/${token}/accept`, { method: 'POST', body: { name: 'Cynorthwy-ydd', password: 'a long enough password' } });
    out.push({ route: 'accept', status: accept.status });
  }
  return out;
}

async function tryAccessRoutes(cookie: string | undefined, out: { route: string; status: number }[]): Promise<void> {
  const list = await call(cookie, `/api/schools/${schoolId}/access`);
  out.push({ route: 'access list', status: list.status });
  const headRole = ctx.database.sqlite.prepare("SELECT id FROM role_assignments WHERE person_id = 'demo-headteacher' AND role = 'headteacher'").get() as { id: string };
  const removal = await call(cookie, `/api/schools/${schoolId}/access/${headRole.id}`, { method: 'DELETE' });
  out.push({ route: 'remove the headteacher', status: removal.status });
}

const attackers = [
  { who: 'LA officer of the school\'s LA (for themselves)', personId: 'demo-la-officer', rightfulForOthers: true },
  { who: 'LA officer of another LA', personId: otherOfficer.id, rightfulForOthers: false },
  { who: 'convenor', personId: 'demo-convenor', rightfulForOthers: false },
  { who: 'facilitator', personId: 'demo-facilitator', rightfulForOthers: false },
  { who: 'headteacher of another school', personId: 'demo-headteacher-secondary', rightfulForOthers: false },
  { who: 'visiting reviewer', personId: 'demo-reviewer', rightfulForOthers: false },
  { who: 'governor', personId: 'demo-governor', rightfulForOthers: false },
  { who: 'practitioner', personId: 'demo-practitioner', rightfulForOthers: false },
] as const;

describe('nobody obtains a school role that is not theirs to grant', () => {
  beforeAll(async () => {
    const owner = await call(await cookieOf('demo-headteacher'), `/api/documents/${encodeURIComponent(reviewId)}/export?format=md`);
    expect(owner.status).toBe(200);
    const lines = (await owner.text()).split('\n').filter((l) => l.length > 40 && !l.startsWith('#'));
    reviewMarker = lines[0] ?? reviewMarker;
    expect(reviewMarker.length).toBeGreaterThan(40);
  });

  for (const attacker of attackers) {
    it(`A69: as ${attacker.who}: every invitation and role route refuses them every school role, and no more of the peer review reaches them`, async () => {
      const cookie = await cookieOf(attacker.personId);
      const before = await roleRows(attacker.personId);
      const accessBefore = await policyAccess(attacker.personId);
      const reachBefore = await reviewReach(cookie);
      for (const role of schoolRoles) {
        const tried = await attempts(cookie, emailOf(attacker.personId), role, attacker.rightfulForOthers);
        for (const { route, status } of tried) expect({ role, route, refused: status >= 400 }).toEqual({ role, route, refused: true });
      }
      expect(await roleRows(attacker.personId)).toEqual(before);
      expect(await policyAccess(attacker.personId)).toBe(accessBefore);
      const reachAfter = await reviewReach(cookie);
      expect(reachAfter).toEqual(reachBefore);
      if (accessBefore === null) expect(reachAfter).toEqual({ listed: false, exportStatus: 403, exportLeaks: false, socket: 'refused' });
    });

    if (!attacker.rightfulForOthers) {
      it(`A69: as ${attacker.who}: an accomplice's new address is never made one of the school's roles`, async () => {
        const cookie = await cookieOf(attacker.personId);
        const accomplice = `cynorthwy.${attacker.personId}@example.cymru`;
        for (const role of ['headteacher', 'senior-leader']) {
          const tried = await attempts(cookie, accomplice, role);
          for (const { route, status } of tried) expect({ role, route, refused: status >= 400 }).toEqual({ role, route, refused: true });
        }
        const account = await personIdByEmail(accomplice);
        expect(account).toBeUndefined();
      });
    }
  }

  it('A69: anonymous: every route answers 401 and nothing of the review is served', async () => {
    for (const role of schoolRoles) {
      const tried = await attempts(undefined, 'dieithryn@example.cymru', role);
      expect(tried.map((t) => t.status).every((s) => s === 401)).toBe(true);
    }
    expect(await reviewReach(undefined)).toMatchObject({ listed: false, exportLeaks: false, socket: 'refused' });
  });
});

describe('the rightful granters', () => {
  it('A66, A75: the school\'s headteacher invites a senior leader, who then reads the review; a senior leader invites a practitioner but not a governor', async () => {
    const head = await cookieOf('demo-headteacher');
    const invited = await call(head, `/api/schools/${schoolId}/invitations`, { method: 'POST', body: { email: 'arweinydd.newydd@example.cymru', role: 'senior-leader' } });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    const accepted = await call(undefined, `/api/invitations/${token}/accept`, { method: 'POST', body: { name: 'Arweinydd Newydd', password: 'a long enough password' } });
    expect(accepted.status).toBe(200);
    const newcomer = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const id = await personIdByEmail('arweinydd.newydd@example.cymru');
    expect(await roleRows(id ?? '')).toEqual([{ role: 'senior-leader', scope_type: 'school', scope_id: schoolId }]);
    expect((await reviewReach(newcomer)).listed).toBe(await policyAccess(id ?? '').then((a) => a !== null));

    const leader = await cookieOf('demo-senior-leader');
    expect((await call(leader, `/api/schools/${schoolId}/invitations`, { method: 'POST', body: { email: 'ymarferydd.newydd@example.cymru', role: 'practitioner' } })).status).toBe(201);
    const governor = await call(leader, `/api/schools/${schoolId}/invitations`, { method: 'POST', body: { email: 'llywodraethwr@example.cymru', role: 'governor' } });
    expect(governor.status).toBe(403);
    expect(await governor.json()).toMatchObject({ code: 'grant.forbidden', detail: 'grant.not-permitted' });
  });

  it('A65, A66: the school\'s own LA officer invites a headteacher for someone else; the grant records who gave it and when', async () => {
    const officer = await cookieOf('demo-la-officer');
    const invited = await call(officer, `/api/collaboratives/${clusterId}/invitations`, { method: 'POST', body: { email: 'pennaeth.newydd@example.cymru', role: 'headteacher', schoolId } });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    const accepted = await call(undefined, `/api/invitations/${token}/accept`, { method: 'POST', body: { name: 'Pennaeth Newydd', password: 'a long enough password' } });
    expect(accepted.status).toBe(200);
    const id = await personIdByEmail('pennaeth.newydd@example.cymru');
    const row = ctx.database.sqlite.prepare('SELECT granted_by, granted_at FROM role_assignments WHERE person_id = ?').get(id) as { granted_by: string; granted_at: number };
    expect(row.granted_by).toBe('demo-la-officer');
    expect(Math.abs(row.granted_at - Date.now())).toBeLessThan(60_000);
    const list = await call(await cookieOf('demo-headteacher'), `/api/schools/${schoolId}/access`);
    const { roles } = (await list.json()) as { roles: { person: { id: string }; role: string; grantedBy: { id: string; name: string } | null; grantedAt: string }[] };
    expect(roles.find((r) => r.person.id === id)).toMatchObject({ role: 'headteacher', grantedBy: { id: 'demo-la-officer' } });
    const audited = ctx.database.sqlite.prepare("SELECT actor_person_id, detail FROM audit_log WHERE action = 'granted'").all() as { actor_person_id: string; detail: string }[];
    expect(audited.some((a) => a.actor_person_id === 'demo-la-officer' && JSON.parse(a.detail).personId === id && JSON.parse(a.detail).role === 'headteacher')).toBe(true);
  });

  it('A66: a convenor gives collaborative roles only: a member school\'s practitioner becomes member contact', async () => {
    const convenor = await cookieOf('demo-convenor');
    const invited = await call(convenor, `/api/collaboratives/${clusterId}/invitations`, { method: 'POST', body: { email: emailOf('demo-practitioner'), role: 'member-contact' } });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    expect((await call(await cookieOf('demo-practitioner'), `/api/invitations/${token}/accept`, { method: 'POST', body: {} })).status).toBe(200);
    expect(await roleRows('demo-practitioner')).toContainEqual({ role: 'member-contact', scope_type: 'collaborative', scope_id: clusterId });
    // Not to someone who is not on the staff of a member school.
    const outsider = await call(convenor, `/api/collaboratives/${clusterId}/invitations`, { method: 'POST', body: { email: emailOf('demo-facilitator'), role: 'member-contact' } });
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ detail: 'grant.grantee-not-member-staff' });
  });
});

describe('one address, decided again when used', () => {
  it('A67: a link accepted by an account with another address is 403 invitation.wrong-person and grants nothing', async () => {
    const head = await cookieOf('demo-headteacher');
    const { token } = (await (await call(head, `/api/schools/${schoolId}/invitations`, { method: 'POST', body: { email: 'rhywun.arall@example.cymru', role: 'governor' } })).json()) as { token: string };
    const before = await roleRows('demo-reviewer');
    const wrong = await call(await cookieOf('demo-reviewer'), `/api/invitations/${token}/accept`, { method: 'POST', body: {} });
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await wrong.json()).toMatchObject({ code: 'invitation.wrong-person' });
    expect(await roleRows('demo-reviewer')).toEqual(before);
    // The link still works for the address it names.
    expect((await call(undefined, `/api/invitations/${token}`)).status).toBe(200);
  });

  it('A68: an inviter who has lost the right to grant by the time the link is used is refused (invitation.not-permitted)', async () => {
    const leader = await cookieOf('demo-senior-leader-secondary');
    const secondary = ctx.dataset.cast.secondaryId;
    const invited = await call(leader, `/api/schools/${secondary}/invitations`, { method: 'POST', body: { email: 'hwyr@example.cymru', role: 'practitioner' } });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    ctx.database.sqlite.prepare("DELETE FROM role_assignments WHERE person_id = 'demo-senior-leader-secondary' AND role = 'senior-leader'").run();
    const late = await call(undefined, `/api/invitations/${token}/accept`, { method: 'POST', body: { name: 'Hwyr', password: 'a long enough password' } });
    expect(late.status).toBe(403);
    expect(await late.json()).toMatchObject({ code: 'invitation.not-permitted', detail: 'grant.not-permitted' });
    expect(await personIdByEmail('hwyr@example.cymru')).toBeUndefined();
  });
});

describe('concurrent accepts', () => {
  it('A70: six concurrent accepts of one link (new accounts): exactly one 200, the rest 409 or 410 problem+json, never a 500', async () => {
    const head = await cookieOf('demo-headteacher');
    const { token } = (await (await call(head, `/api/schools/${schoolId}/invitations`, { method: 'POST', body: { email: 'chwech@example.cymru', role: 'governor' } })).json()) as { token: string };
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => call(undefined, `/api/invitations/${token}/accept`, { method: 'POST', body: { name: `Chwech ${i}`, password: 'a long enough password' } })));
    const statuses = responses.map((r) => r.status).sort();
    console.log(`A70: six concurrent new-account accepts answered ${statuses.join(', ')}`);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.status !== 200)) {
      expect([409, 410]).toContain(response.status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(ctx.database.sqlite.prepare("SELECT count(*) AS n FROM people WHERE email = 'chwech@example.cymru'").get()).toEqual({ n: 1 });
  });

  it('A70: six concurrent accepts of one link by the signed-in invitee: exactly one 200, the rest 410', async () => {
    const officer = await cookieOf('demo-la-officer');
    const { token } = (await (await call(officer, `/api/schools/${ctx.dataset.cast.reviewerSchoolId}/invitations`, { method: 'POST', body: { email: emailOf('demo-reviewer'), role: 'governor' } })).json()) as { token: string };
    const reviewer = await cookieOf('demo-reviewer');
    const responses = await Promise.all(Array.from({ length: 6 }, () => call(reviewer, `/api/invitations/${token}/accept`, { method: 'POST', body: {} })));
    const statuses = responses.map((r) => r.status).sort();
    console.log(`A70: six concurrent signed-in accepts answered ${statuses.join(', ')}`);
    expect(statuses).toEqual([200, 410, 410, 410, 410, 410]);
  });
});

describe('removal', () => {
  it('A73, A74, A71: the headteacher lists the school\'s roles and removes a senior leader on the access screen route: their open socket closes with accessRevoked, and the removal is audited', async () => {
    const docId = ctx.docOf('self-evaluation');
    const leaderCookie = await cookieOf('demo-senior-leader');
    const leader = connectAs(ctx.server, docId, leaderCookie);
    const staying = connectAs(ctx.server, docId, await cookieOf('demo-headteacher'));
    let closedAt: number | undefined;
    leader.provider.on('connection-close', () => (closedAt ??= performance.now()));
    try {
      expect(await syncedOrRefused(leader)).toBe('synced');
      expect(await syncedOrRefused(staying)).toBe('synced');
      const list = await call(await cookieOf('demo-headteacher'), `/api/schools/${schoolId}/access`);
      const { roles } = (await list.json()) as { roles: { id: string; person: { id: string }; removable: boolean }[] };
      const target = roles.find((r) => r.person.id === 'demo-senior-leader');
      expect(target?.removable).toBe(true);
      // Someone who may not remove it is refused, and the socket stays open.
      const refused = await call(await cookieOf('demo-convenor'), `/api/schools/${schoolId}/access/${target?.id ?? ''}`, { method: 'DELETE' });
      expect(refused.status).toBe(403);
      expect(leader.closes).toEqual([]);
      const before = performance.now();
      const removed = await call(await cookieOf('demo-headteacher'), `/api/schools/${schoolId}/access/${target?.id ?? ''}`, { method: 'DELETE' });
      expect(removed.status).toBe(204);
      await waitFor(() => leader.closes.length > 0, 'the removed senior leader\'s socket closed');
      console.log(`A74: the removed person's socket closed ${((closedAt ?? before) - before).toFixed(1)} ms after the removal request was sent`);
      expect(leader.closes).toEqual([CloseCode.accessRevoked]);
      expect(staying.closes).toEqual([]);
      expect(await roleRows('demo-senior-leader')).toEqual([]);
      const audited = ctx.database.sqlite.prepare("SELECT actor_person_id, detail FROM audit_log WHERE action = 'revoked'").all() as { actor_person_id: string; detail: string }[];
      expect(audited.some((a) => a.actor_person_id === 'demo-headteacher' && JSON.parse(a.detail).personId === 'demo-senior-leader')).toBe(true);
    } finally {
      leader.destroy();
      staying.destroy();
    }
  });

  it('A72: removing a school from a collaborative removes the collaborative roles that stood on it and withdraws its open links', async () => {
    const secondary = ctx.dataset.cast.secondaryId;
    const officer = await cookieOf('demo-la-officer');
    const { token } = (await (await call(officer, `/api/collaboratives/${clusterId}/invitations`, { method: 'POST', body: { email: 'yn.aros@example.cymru', role: 'practitioner', schoolId: secondary } })).json()) as { token: string };
    expect(await roleRows('demo-practitioner-secondary')).toContainEqual({ role: 'member-contact', scope_type: 'collaborative', scope_id: clusterId });
    const workspace = connectAs(ctx.server, ctx.docOf('workspace'), await cookieOf('demo-practitioner-secondary'));
    try {
      expect(await syncedOrRefused(workspace)).toBe('synced');
      const removed = await call(await cookieOf('demo-convenor'), `/api/collaboratives/${clusterId}/members/${secondary}`, { method: 'DELETE' });
      expect(removed.status).toBe(204);
      await waitFor(() => workspace.closes.length > 0, 'the contact\'s workspace socket closed');
      expect(workspace.closes).toEqual([CloseCode.accessRevoked]);
      expect(await roleRows('demo-practitioner-secondary')).toEqual([{ role: 'practitioner', scope_type: 'school', scope_id: secondary }]);
      expect((await call(undefined, `/api/invitations/${token}`)).status).toBe(410);
    } finally {
      workspace.destroy();
    }
  });
});

describe('the directory\'s collaborative routes', () => {
  it('A76: an LA officer names no convenor outside a member school\'s leadership and no facilitator of another LA', async () => {
    const officer = await cookieOf('demo-la-officer');
    const cluster = ctx.dataset.collaboratives.find((c) => c.id === clusterId);
    const { id: _id, synthetic: _s, ...body } = cluster ?? ({} as never);
    const current = (await (await call(officer, `/api/directory/collaboratives/${clusterId}`)).json()) as { collaborative: { memberSchoolIds: string[]; convenorId: string; laFacilitatorIds: string[] } };
    const base = { ...body, memberSchoolIds: current.collaborative.memberSchoolIds, convenorId: current.collaborative.convenorId, laFacilitatorIds: current.collaborative.laFacilitatorIds };
    const governorConvenor = await call(officer, `/api/directory/collaboratives/${clusterId}`, { method: 'PUT', body: { ...base, convenorId: 'demo-governor' } });
    expect(governorConvenor.status).toBe(403);
    expect(await governorConvenor.json()).toMatchObject({ code: 'grant.forbidden', detail: 'grant.grantee-not-member-staff' });
    // A facilitator of another LA, named by this LA's officer.
    const sqlite = ctx.database.sqlite;
    sqlite.prepare("INSERT INTO people (id, name, email, password_hash) VALUES ('other-facilitator', 'Hwylusydd Arall', 'hwylusydd.arall@demo.cydweithio.cymru', NULL)").run();
    sqlite.prepare("INSERT INTO role_assignments (id, person_id, role, scope_type, scope_id) VALUES ('role-other-facilitator', 'other-facilitator', 'la-facilitator', 'la', ?)").run(String(otherLaCode));
    const outsider = await call(officer, `/api/directory/collaboratives/${clusterId}`, { method: 'PUT', body: { ...base, laFacilitatorIds: [...base.laFacilitatorIds, 'other-facilitator'] } });
    expect(outsider.status).toBe(403);
    expect(await outsider.json()).toMatchObject({ code: 'grant.forbidden' });
    // The same change with the LA's own people is accepted, and the convenor's grant records the officer.
    const headteacherConvenor = await call(officer, `/api/directory/collaboratives/${clusterId}`, { method: 'PUT', body: { ...base, convenorId: 'demo-headteacher' } });
    expect(headteacherConvenor.status).toBe(200);
    expect(sqlite.prepare("SELECT granted_by FROM role_assignments WHERE person_id = 'demo-headteacher' AND role = 'convenor'").get()).toEqual({ granted_by: 'demo-la-officer' });
    expect((await call(officer, `/api/directory/collaboratives/${clusterId}`, { method: 'PUT', body: base })).status).toBe(200);
  });
});

describe('imports in the importer\'s LA', () => {
  it('A77: an LA officer\'s address list with another LA\'s rows: those are reported with line and reason and not applied; the rest imports', async () => {
    const own = ctx.dataset.schools.find((s) => s.laCode === ctx.dataset.cast.laCode);
    const other = ctx.database.sqlite.prepare('SELECT id, name_en FROM schools WHERE la_code <> ? LIMIT 1').get(ctx.dataset.cast.laCode) as { id: string; name_en: string };
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../data/wg-schools-maintained-2022-06.en.csv', import.meta.url), 'utf8');
    const [header, ...rows] = text.split('\r\n');
    const row = (id: string) => rows.find((r) => r.startsWith(`${id},`)) ?? '';
    expect(row(other.id)).not.toBe('');
    const renamed = row(other.id).replace(/^(\d+),"?[^,"]*"?/, '$1,"Ysgol Wedi Ei Hailenwi"');
    const csv = [header, row(own?.id ?? ''), renamed].join('\r\n');
    const response = await fetch(`${ctx.server.url}/api/directory/import`, { method: 'POST', headers: { cookie: await cookieOf('demo-la-officer'), origin: ctx.server.url, 'content-type': 'text/csv' }, body: csv });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { summary: { imported: number; reported: number }; reports: { line: number; schoolId?: string; reason: { code: string } }[] };
    expect(result.summary.imported).toBe(own && row(own.id) ? 1 : 0);
    expect(result.reports).toEqual([{ line: 3, schoolId: other.id, reason: expect.objectContaining({ code: 'outside-importer-la' }) }]);
    expect(ctx.database.sqlite.prepare('SELECT name_en FROM schools WHERE id = ?').get(other.id)).toEqual({ name_en: other.name_en });
  });
});
