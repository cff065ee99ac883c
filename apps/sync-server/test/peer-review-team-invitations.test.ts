import { describe, expect, it } from 'vitest';
import { invitations } from '../src/db/schema/directory';
import { notificationOutbox } from '../src/db/schema/notifications';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();
const PASSWORD = 'a long enough password';

async function setup() {
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  const api = await freshDemoApi({ clock, publicUrl: 'https://cydweithio.example' });
  const review = api.docOf('peer-review');
  const base = `/api/peer-reviews/${review}`;
  const send = (person: string, path: string, body?: unknown, method = 'POST') =>
    api.request(person, `${base}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) });
  const invite = async (body: unknown, as = 'demo-headteacher') => send(as, '/team-invitations', body);
  const accept = (token: string, init: { cookie?: string; body?: unknown } = {}) => api.app.request(`http://localhost/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: JSON.stringify(init.body ?? {}),
  });
  const listed = async (cookie: string) => ((await (await api.app.request('/api/documents', { headers: { cookie } })).json()) as { documents: { id: string; access: string }[] }).documents.find((d) => d.id === review);
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { api, clock, review, base, send, invite, accept, listed, cookieOf };
}

describe('inviting someone onto a peer review team by email', () => {
  it('G37, A145, A146: host staff: the link makes the account, grants the host-school role and the team place together, all audited', async () => {
    const { api, review, invite, accept, listed, cookieOf } = await setup();
    const created = await invite({ email: 'Ymarferydd@Example.cymru', teamRole: 'host-staff', schoolRole: 'practitioner' });
    expect(created.status).toBe(201);
    const { token, url } = (await created.json()) as { token: string; url: string };
    expect(url).toBe(`https://cydweithio.example/invitations/${token}`);
    const preview = (await (await api.app.request(`/api/invitations/${token}`)).json()) as Record<string, unknown>;
    expect(preview).toMatchObject({ role: 'practitioner', teamRole: 'host-staff', email: 'ymarferydd@example.cymru', review: { id: review, hostSchool: { id: api.dataset.cast.primaryId } } });
    const accepted = await accept(token, { body: { name: 'Alaw Ymarferydd', password: PASSWORD } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ documentId: review, teamRole: 'host-staff' });
    const cookie = cookieOf(accepted);
    expect(await listed(cookie)).toMatchObject({ access: 'editor' });
    const me = (await (await api.app.request('/api/me', { headers: { cookie } })).json()) as { person: { id: string }; roles: unknown[] };
    expect(me.roles).toEqual([{ role: 'practitioner', schoolId: api.dataset.cast.primaryId }]);
    const team = (await (await api.request('demo-headteacher', `/api/peer-reviews/${review}`)).json()) as { team: { personId: string; role: string }[] };
    expect(team.team).toContainEqual(expect.objectContaining({ personId: me.person.id, role: 'host-staff' }));
    expect(api.rechecks.at(-1)).toEqual({ docIds: [review] });
    const trail = (await (await api.request('demo-headteacher', `/api/audit?documentId=${review}`)).json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(trail.entries.map((e) => e.action)).toEqual(['invited', 'granted', 'added']);
    expect(trail.entries[1]?.detail).toMatchObject({ personId: me.person.id, role: 'practitioner', schoolId: api.dataset.cast.primaryId });
    expect(trail.entries[2]?.detail).toMatchObject({ personId: me.person.id, role: 'host-staff' });
    expect((await accept(token, { cookie })).status).toBe(410);
  });

  it('G38, A147: a reviewer\'s link refuses until their own school gives them a role, keeps the account and the link, then works', async () => {
    const { api, review, invite, accept, listed, cookieOf } = await setup();
    const { token } = (await (await invite({ email: 'adolygydd@example.cymru', teamRole: 'reviewer' })).json()) as { token: string };
    const refused = await accept(token, { body: { name: 'Bethan Adolygydd', password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'invitation.team-role-missing', detail: 'peer-review.team.reviewer-not-staff' });
    // The account is made and signed in; nothing is granted and the link is still open.
    const cookie = cookieOf(refused);
    const me = (await (await api.app.request('/api/me', { headers: { cookie } })).json()) as { person: { id: string; email: string }; roles: unknown[] };
    expect(me).toMatchObject({ person: { email: 'adolygydd@example.cymru' }, roles: [] });
    expect(await listed(cookie)).toBeUndefined();
    expect((await api.app.request(`/api/invitations/${token}`)).status).toBe(200);
    expect(await json(await accept(token, { cookie }))).toMatchObject({ code: 'invitation.team-role-missing' });
    // Their own school's headteacher gives them a role there (A75), which they accept.
    const schoolInvite = await api.request('demo-reviewer', `/api/schools/${api.dataset.cast.reviewerSchoolId}/invitations`, { method: 'POST', body: JSON.stringify({ email: 'adolygydd@example.cymru', role: 'practitioner' }) });
    const { token: schoolToken } = (await schoolInvite.json()) as { token: string };
    expect((await accept(schoolToken, { cookie })).status).toBe(200);
    // The same link now puts them on the team.
    expect((await accept(token, { cookie })).status).toBe(200);
    expect(await listed(cookie)).toMatchObject({ access: 'editor' });
    const team = (await (await api.request('demo-headteacher', `/api/peer-reviews/${review}`)).json()) as { team: { personId: string; role: string }[] };
    expect(team.team).toContainEqual(expect.objectContaining({ personId: me.person.id, role: 'reviewer' }));
  });

  it('G38: an address with an account is told in-app; a facilitator needs la-facilitator; a closed review or a lost host refuses', async () => {
    const { api, send, invite, accept } = await setup();
    const facilitator = api.person('demo-facilitator');
    const made = await invite({ email: facilitator.email, teamRole: 'facilitator' });
    expect(made.status).toBe(201);
    const notes = (await (await api.request('demo-facilitator', '/api/notifications')).json()) as { notifications: { kind: string }[] };
    expect(notes.notifications.map((n) => n.kind)).toContain('invitation');
    const { token } = (await made.json()) as { token: string };
    expect((await accept(token, { cookie: await api.as('demo-facilitator') })).status).toBe(200);
    const officer = api.person('demo-la-officer');
    const { token: officerToken } = (await (await invite({ email: officer.email, teamRole: 'facilitator' })).json()) as { token: string };
    expect(await json(await accept(officerToken, { cookie: await api.as('demo-la-officer') }))).toMatchObject({ code: 'invitation.team-role-missing', detail: 'peer-review.team.not-facilitator' });
    // Closed: no new invitations, and an open link is refused for good (not a role to mend).
    const { token: late } = (await (await invite({ email: 'hwyr@example.cymru', teamRole: 'host-staff', schoolRole: 'practitioner' })).json()) as { token: string };
    await send('demo-headteacher', '/stage', { stage: 'closed', retainUntil: '2027-06-01' });
    expect(await json(await invite({ email: 'newydd@example.cymru', teamRole: 'host-staff', schoolRole: 'practitioner' }))).toMatchObject({ code: 'document.forbidden', detail: 'peer-review.closed' });
    const closed = await accept(late, { body: { name: 'Hwyr', password: PASSWORD } });
    expect(await json(closed)).toMatchObject({ code: 'invitation.not-permitted', detail: 'peer-review.closed' });
    expect(closed.headers.get('set-cookie')).toBeNull();
  });

  it('G37: only the host invites; host staff need a staff role the host may give; other places carry none', async () => {
    const { invite } = await setup();
    for (const person of ['demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-reviewer', 'demo-convenor', 'demo-facilitator', 'demo-la-officer']) {
      const response = await invite({ email: 'x@example.cymru', teamRole: 'reviewer' }, person);
      expect([person, response.status]).toEqual([person, 403]);
    }
    const reason = async (body: unknown) => (await json(await invite(body)))['detail'];
    expect(await reason({ email: 'x@example.cymru', teamRole: 'host-staff' })).toBe('peer-review.invite.school-role-needed');
    expect(await reason({ email: 'x@example.cymru', teamRole: 'host-staff', schoolRole: 'governor' })).toBe('peer-review.invite.not-a-staff-role');
    expect(await reason({ email: 'x@example.cymru', teamRole: 'reviewer', schoolRole: 'practitioner' })).toBe('peer-review.invite.no-school-role-elsewhere');
    expect((await invite({ email: 'not an address', teamRole: 'reviewer' })).status).toBe(400);
    expect((await invite({ email: 'x@example.cymru', teamRole: 'grader' })).status).toBe(400);
    expect((await invite({ email: 'x@example.cymru', teamRole: 'reviewer', padding: 'x'.repeat(5000) })).status).toBe(413);
  });

  it('G39: the host lists open team invitations and withdraws one; its link then answers 410', async () => {
    const { api, review, send, invite } = await setup();
    const { id, token } = (await (await invite({ email: 'adolygydd@example.cymru', teamRole: 'lead-reviewer' })).json()) as { id: string; token: string };
    const listed = (await (await send('demo-headteacher', '/team-invitations', undefined, 'GET')).json()) as { invitations: unknown[] };
    expect(listed.invitations).toEqual([{ id, email: 'adolygydd@example.cymru', teamRole: 'lead-reviewer', schoolRole: null, expiresAt: '2027-01-17T09:00:00.000Z' }]);
    expect((await send('demo-reviewer-other-la', '/team-invitations', undefined, 'GET')).status).toBe(403);
    expect((await send('demo-senior-leader', `/team-invitations/${id}`, undefined, 'DELETE')).status).toBe(403);
    expect((await send('demo-headteacher', `/team-invitations/${id}`, undefined, 'DELETE')).status).toBe(204);
    expect((await send('demo-headteacher', `/team-invitations/${id}`, undefined, 'DELETE')).status).toBe(404);
    expect((await api.app.request(`/api/invitations/${token}`)).status).toBe(410);
    expect(((await (await send('demo-headteacher', '/team-invitations', undefined, 'GET')).json()) as { invitations: unknown[] }).invitations).toEqual([]);
    const trail = (await (await api.request('demo-headteacher', `/api/audit?documentId=${review}`)).json()) as { entries: { action: string }[] };
    expect(trail.entries.map((e) => e.action)).toEqual(['invited', 'withdrawn']);
  });

  it('A16, G39: erasing the peer review withdraws its open team invitations: the links answer 410, none is open, no email waits', async () => {
    const { api, review, invite, accept } = await setup();
    const tokens: string[] = [];
    for (const email of ['adolygydd@example.cymru', 'arweinydd@example.cymru']) {
      tokens.push(((await (await invite({ email, teamRole: email.startsWith('arw') ? 'lead-reviewer' : 'reviewer' })).json()) as { token: string }).token);
    }
    const open = async () => (await api.sql.all((db) => db.select().from(invitations))).filter((i) => i.documentId === review && i.usedAt === null);
    const waiting = async () => (await api.sql.all((db) => db.select().from(notificationOutbox))).filter((o) => o.kind === 'invitation' && o.payload.documentId === review);
    expect([(await open()).length, (await waiting()).length]).toEqual([2, 2]);
    expect((await api.request('demo-headteacher', `/api/documents/${review}`, { method: 'DELETE' })).status).toBe(204);
    for (const token of tokens) {
      expect((await api.app.request(`/api/invitations/${token}`)).status).toBe(410);
      expect((await accept(token, { body: { name: 'Bethan Adolygydd', password: PASSWORD } })).status).toBe(410);
    }
    expect([(await open()).length, (await waiting()).length]).toEqual([0, 0]);
    expect((await api.request('demo-headteacher', `/api/peer-reviews/${review}/team-invitations`)).status).toBe(404);
  });
});
