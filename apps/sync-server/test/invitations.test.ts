import { describe, expect, it } from 'vitest';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

async function setup() {
  const clock = manualClock();
  const api = await freshDemoApi({ clock, publicUrl: 'https://cydweithio.example' });
  return { ...api, clock };
}

type Api = Awaited<ReturnType<typeof setup>>;

async function invite(api: Api, body: Record<string, unknown>, as = 'demo-la-officer') {
  return api.request(as, `/api/collaboratives/${api.dataset.cast.clusterId}/invitations`, { method: 'POST', body: JSON.stringify(body) });
}

function accept(api: Api, token: string, init: { cookie?: string; body?: unknown } = {}) {
  return api.app.request(`http://localhost/api/invitations/${token}/accept`, {
    method: 'POST',
    headers: { origin: 'http://localhost', 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
    body: JSON.stringify(init.body ?? {}),
  });
}

describe('invitations', () => {
  it('A21: an LA officer invites by a single-use link; the invitee previews it and creates an account by accepting', async () => {
    const api = await setup();
    const created = await invite(api, { email: 'Newydd@Example.cymru', role: 'practitioner', schoolId: api.dataset.cast.primaryId });
    expect(created.status).toBe(201);
    const { url, token, expiresAt } = (await created.json()) as { url: string; token: string; expiresAt: string };
    expect(url).toBe(`https://cydweithio.example/invitations/${token}`);
    expect(Date.parse(expiresAt)).toBe(api.clock() + 7 * 24 * 3600 * 1000);

    const preview = await api.app.request(`/api/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ role: 'practitioner', email: 'newydd@example.cymru', collaborative: { id: api.dataset.cast.clusterId }, school: { id: api.dataset.cast.primaryId } });

    const accepted = await accept(api, token, { body: { name: 'Alaw Newydd', password: 'a long enough password' } });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ person: { name: 'Alaw Newydd', email: 'newydd@example.cymru' }, role: 'practitioner' });
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await api.app.request('/api/me', { headers: { cookie } });
    expect(await me.json()).toMatchObject({ roles: [{ role: 'practitioner', schoolId: api.dataset.cast.primaryId }] });
  });

  it('A21: a replayed link is 410 invitation.used', async () => {
    const api = await setup();
    const { token } = (await (await invite(api, { email: 'newydd@example.cymru', role: 'governor', schoolId: api.dataset.cast.primaryId })).json()) as { token: string };
    expect((await accept(api, token, { body: { name: 'Alaw', password: 'a long enough password' } })).status).toBe(200);
    const replay = await accept(api, token, { body: { name: 'Alaw', password: 'a long enough password' } });
    expect(replay.status).toBe(410);
    expect(await json(replay)).toMatchObject({ code: 'invitation.used', status: 410 });
    expect((await api.app.request(`/api/invitations/${token}`)).status).toBe(410);
  });

  it('A21: an expired link is 410 invitation.expired', async () => {
    const api = await setup();
    const { token } = (await (await invite(api, { email: 'newydd@example.cymru', role: 'governor', schoolId: api.dataset.cast.primaryId })).json()) as { token: string };
    api.clock.advance(7 * 24 * 3600 * 1000 + 1);
    const late = await accept(api, token, { body: { name: 'Alaw', password: 'a long enough password' } });
    expect(late.status).toBe(410);
    expect(await json(late)).toMatchObject({ code: 'invitation.expired' });
  });

  it('A21: a signed-in invitee accepts as themselves; someone else\'s session is refused; an unknown token is 404', async () => {
    const api = await setup();
    const reviewer = api.person('demo-reviewer');
    const { token } = (await (await invite(api, { email: reviewer.email, role: 'headteacher', schoolId: api.dataset.cast.reviewerSchoolId })).json()) as { token: string };
    const wrong = await accept(api, token, { cookie: await api.as('demo-governor') });
    expect(wrong.status).toBe(403);
    expect(await json(wrong)).toMatchObject({ code: 'invitation.wrong-person' });
    expect((await accept(api, token, { cookie: await api.as('demo-reviewer') })).status).toBe(200);
    const cluster = await api.request('demo-reviewer', `/api/directory/collaboratives/${api.dataset.cast.clusterId}`);
    const { collaborative } = (await cluster.json()) as { collaborative: { memberSchoolIds: string[] } };
    expect(collaborative.memberSchoolIds).toContain(api.dataset.cast.reviewerSchoolId);
    expect((await api.app.request('/api/invitations/not-a-real-token')).status).toBe(404);
  });

  it('A21, A66: only the convenor (or an LA officer) uses this route, the convenor for no school role, and only a headteacher brings a new school', async () => {
    const api = await setup();
    const body = { email: 'x@example.cymru', role: 'practitioner', schoolId: api.dataset.cast.primaryId };
    const refused = await invite(api, body, 'demo-headteacher');
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'collaborative.forbidden' });
    const convenor = await invite(api, body, 'demo-convenor');
    expect(convenor.status).toBe(403);
    expect(await json(convenor)).toMatchObject({ code: 'grant.forbidden', detail: 'grant.not-permitted' });
    expect((await invite(api, body, 'demo-la-officer')).status).toBe(201);
    const outsider = await invite(api, { ...body, schoolId: api.dataset.cast.reviewerSchoolId });
    expect(outsider.status).toBe(400);
  });
});

describe('invitations in /me', () => {
  it('A7, A21: a signed-in invitee sees the invitation in /me and accepts it there, once', async () => {
    const api = await setup();
    const reviewer = api.person('demo-reviewer');
    await invite(api, { email: reviewer.email, role: 'headteacher', schoolId: api.dataset.cast.reviewerSchoolId });
    const me = (await (await api.request('demo-reviewer', '/api/me')).json()) as { invitations: { id: string; state: string; role: string }[] };
    expect(me.invitations).toEqual([expect.objectContaining({ role: 'headteacher', state: 'open' })]);
    const id = me.invitations[0]?.id ?? '';
    expect((await api.request('demo-governor', `/api/me/invitations/${id}/accept`, { method: 'POST' })).status).toBe(404);
    expect((await api.request('demo-reviewer', `/api/me/invitations/${id}/accept`, { method: 'POST' })).status).toBe(200);
    expect((await api.request('demo-reviewer', `/api/me/invitations/${id}/accept`, { method: 'POST' })).status).toBe(404);
    const after = (await (await api.request('demo-reviewer', '/api/me')).json()) as { invitations: unknown[]; collaboratives: { vertical: { id: string }[] } };
    expect(after.invitations).toEqual([]);
    expect(after.collaboratives.vertical.map((c) => c.id)).toContain(api.dataset.cast.clusterId);
  });
});

describe('membership removal', () => {
  it('A22: the convenor removes a member school; its staff lose the workspace and open sockets are re-checked', async () => {
    const api = await setup();
    const ws = api.docOf('workspace');
    const removed = await api.request('demo-convenor', `/api/collaboratives/${api.dataset.cast.clusterId}/members/${api.dataset.cast.primaryId}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect(api.rechecks).toContainEqual({ docIds: [ws] });
    const listing = await api.request('demo-headteacher', '/api/documents');
    const { documents } = (await listing.json()) as { documents: { id: string }[] };
    expect(documents.map((d) => d.id)).not.toContain(ws);
    const again = await api.request('demo-convenor', `/api/collaboratives/${api.dataset.cast.clusterId}/members/${api.dataset.cast.primaryId}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it('A22: removing a facilitator re-checks that person\'s sockets', async () => {
    const api = await setup();
    const response = await api.request('demo-convenor', `/api/collaboratives/${api.dataset.cast.clusterId}/people/demo-facilitator`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(api.rechecks).toContainEqual({ personIds: ['demo-facilitator'] });
  });
});
