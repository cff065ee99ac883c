import { describe, expect, it } from 'vitest';
import { notificationOutbox, notifications } from '../src/db/schema/notifications';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

type Listed = { unread: number; notifications: { id: string; kind: string; readAt: string | null; actor: { id: string } | null; collaborative: { id: string } | null; document: { id: string; title: string | null } | null }[] };

async function setup() {
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  const api = await freshDemoApi({ clock, publicUrl: 'https://cydweithio.example' });
  /** The named demo cast: every kind of person the table tests run over. */
  const cast = api.dataset.people.map((p) => p.id).filter((id) => id.startsWith('demo-'));
  const post = (person: string, path: string, body: unknown = {}) => api.request(person, path, { method: 'POST', body: JSON.stringify(body) });
  const list = async (person: string) => (await json(await api.request(person, '/api/notifications'))) as unknown as Listed;
  /** Who holds a notification of this kind, each as often as they hold one. */
  const told = async (kind: string) => (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind === kind).map((n) => n.personId).sort();
  const listing = async (person: string) => ((await json(await api.request(person, '/api/documents')))['documents'] as { id: string }[]).map((d) => d.id);
  return { api, clock, cast, post, list, told, listing };
}

describe('notifications: who is told', () => {
  it('A141: a convenor asking a school from a new LA tells its headteacher and that LA\'s officers, once each, and nobody else', async () => {
    const { api, post, told } = await setup();
    const { secondaryId, otherLaSchoolId, otherLaCode } = api.dataset.cast;
    const proposal = (await json(await post('demo-headteacher-secondary', '/api/collaborative-proposals', {
      name: { cy: 'Ysgolion uwchradd Cymraeg', en: 'Welsh-medium secondaries' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
      kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: secondaryId, schoolIds: [], convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
    })))['proposal'] as { id: string };
    const done = (await json(await post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })))['proposal'] as { collaborativeId: string };
    const asked = await post('demo-headteacher-secondary', `/api/collaboratives/${done.collaborativeId}/member-requests`, { schoolId: otherLaSchoolId });
    expect(asked.status).toBe(201);
    const headteachers = (await api.layer.services.directory.holders('school', otherLaSchoolId, 'headteacher')).map((p) => p.id).sort();
    const officers = (await api.layer.services.directory.holders('la', String(otherLaCode), 'la-officer')).map((p) => p.id).sort();
    expect(headteachers).toContain('demo-reviewer-other-la');
    expect(officers).toContain('demo-la-officer-other-la');
    expect(await told('membership-request')).toEqual(headteachers);
    expect(await told('membership-approval')).toEqual(officers);
    const rows = (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind.startsWith('membership'));
    expect(rows.every((n) => n.collaborativeId === done.collaborativeId && n.actorPersonId === 'demo-headteacher-secondary' && n.documentId === null)).toBe(true);
  });

  it('A141: sharing a peer review with a person tells that person once; with a collaborative or the LA, exactly those it newly lets open it', async () => {
    const { api, cast, post, told, listing } = await setup();
    const review = api.docOf('peer-review');
    const base = `/api/peer-reviews/${review}/shares`;
    expect((await post('demo-headteacher', base, { type: 'person', id: 'demo-reviewer-other-la' })).status).toBe(201);
    // Sharing again changes nothing and tells nobody a second time.
    expect((await post('demo-headteacher', base, { type: 'person', id: 'demo-reviewer-other-la' })).status).toBe(201);
    expect(await told('review-shared')).toEqual(['demo-reviewer-other-la']);

    const before = new Map(await Promise.all(cast.map(async (p) => [p, (await listing(p)).includes(review)] as const)));
    expect((await post('demo-headteacher', base, { type: 'collaborative', id: api.dataset.cast.clusterId })).status).toBe(201);
    const gained = (await Promise.all(cast.map(async (p) => (!before.get(p) && (await listing(p)).includes(review) ? [p] : [])))).flat();
    expect(gained).toContain('demo-headteacher-secondary');
    expect((await told('review-shared')).filter((p) => p !== 'demo-reviewer-other-la').sort()).toEqual(gained.sort());
    // With the LA: its people who could not open it before, and only they.
    const beforeLa = new Map(await Promise.all(cast.map(async (p) => [p, (await listing(p)).includes(review)] as const)));
    const toldBefore = await told('review-shared');
    expect((await post('demo-headteacher', `/api/documents/${review}/share`)).status).toBe(200);
    const gainedLa = (await Promise.all(cast.map(async (p) => (!beforeLa.get(p) && (await listing(p)).includes(review) ? [p] : [])))).flat();
    expect(gainedLa).toContain('demo-la-officer');
    expect((await told('review-shared')).filter((p) => !toldBefore.includes(p)).sort()).toEqual(gainedLa.sort());
    const rows = (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind === 'review-shared');
    expect(rows.every((n) => n.documentId === review && n.actorPersonId === 'demo-headteacher')).toBe(true);
  });

  it('A141: a comment tells the people it mentions, not its author; an edit tells only the newly mentioned', async () => {
    const { api, post, told } = await setup();
    const se = api.docOf('self-evaluation');
    const added = await json(await post('demo-headteacher', `/api/documents/${se}/comments`, { body: 'Beth yw eich barn?', mentions: ['demo-governor', 'demo-headteacher'] }));
    expect(await told('mention')).toEqual(['demo-governor']);
    const id = (added['comment'] as { id: string }).id;
    const edited = await api.request('demo-headteacher', `/api/documents/${se}/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ body: 'Beth yw eich barn chi?', mentions: ['demo-governor', 'demo-facilitator'] }) });
    expect(edited.status).toBe(200);
    expect(await told('mention')).toEqual(['demo-facilitator', 'demo-governor']);
  });

  it('A140, A141, A142: an invitation tells an account in-app; an address with no account gets only an outbox row, holding no document text', async () => {
    const { api, post, told } = await setup();
    const path = `/api/collaboratives/${api.dataset.cast.clusterId}/invitations`;
    const reviewer = api.person('demo-reviewer');
    expect((await post('demo-la-officer', path, { email: reviewer.email, role: 'headteacher', schoolId: api.dataset.cast.reviewerSchoolId })).status).toBe(201);
    expect(await told('invitation')).toEqual(['demo-reviewer']);
    const outboxBefore = (await api.sql.all((db) => db.select().from(notificationOutbox))).length;
    const invited = await json(await post('demo-la-officer', path, { email: 'Newydd@Example.org', role: 'headteacher', schoolId: api.dataset.cast.reviewerSchoolId }));
    expect(await told('invitation')).toEqual(['demo-reviewer']);
    const outbox = await api.sql.all((db) => db.select().from(notificationOutbox));
    expect(outbox).toHaveLength(outboxBefore + 1);
    const queued = outbox.find((o) => o.email !== null);
    expect(queued).toMatchObject({ email: 'newydd@example.org', kind: 'invitation', notificationId: null, sentAt: null });
    expect(queued?.payload['url']).toBe(invited['url']);
    expect(Object.keys(queued?.payload ?? {}).sort()).toEqual(['collaborativeId', 'expiresAt', 'invitationId', 'invitedBy', 'role', 'schoolId', 'url']);
    // Every in-app notification has its outbox row, waiting for delivery.
    const inApp = await api.sql.all((db) => db.select().from(notifications));
    expect(outbox.filter((o) => o.notificationId !== null).map((o) => o.notificationId).sort()).toEqual(inApp.map((n) => n.id).sort());
  });
});

describe('notifications: answers back to the convenors', () => {
  /** A collaborative of one LA with two convenors (the first-named and a joint one), asking two schools of another LA. */
  async function jointlyConvened() {
    const s = await setup();
    const { secondaryId, otherLaSchoolId } = s.api.dataset.cast;
    const proposal = (await json(await s.post('demo-headteacher-secondary', '/api/collaborative-proposals', {
      name: { cy: 'Ysgolion uwchradd Cymraeg', en: 'Welsh-medium secondaries' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
      kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: secondaryId, schoolIds: [],
      convenorIds: ['demo-headteacher-secondary', 'demo-senior-leader-secondary'], facilitatorIds: [],
    })))['proposal'] as { id: string };
    const done = (await json(await s.post('demo-la-officer', `/api/collaborative-proposals/${proposal.id}/decision`, { decision: 'approve' })))['proposal'] as { collaborativeId: string };
    const ask = async () => (await json(await s.post('demo-headteacher-secondary', `/api/collaboratives/${done.collaborativeId}/member-requests`, { schoolId: otherLaSchoolId })))['request'] as { id: string };
    return { ...s, collaborativeId: done.collaborativeId, ask };
  }
  const convenors = ['demo-headteacher-secondary', 'demo-senior-leader-secondary'];

  it('A148: the headteacher accepting, then the LA officer approving, tells every convenor once each, naming who answered', async () => {
    const { api, clock, post, told, list, ask, collaborativeId } = await jointlyConvened();
    const request = await ask();
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${request.id}/answer`, { accept: true })).status).toBe(200);
    expect(await told('membership-accepted')).toEqual(convenors);
    clock.advance(60_000);
    expect((await post('demo-la-officer-other-la', `/api/membership-approvals/${request.id}/decision`, { decision: 'approve' })).status).toBe(200);
    expect(await told('membership-la-approved')).toEqual(convenors);
    const rows = (await api.sql.all((db) => db.select().from(notifications))).filter((n) => n.kind === 'membership-accepted' || n.kind === 'membership-la-approved');
    expect(rows.every((n) => n.collaborativeId === collaborativeId && n.documentId === null)).toBe(true);
    expect(rows.map((n) => [n.kind, n.actorPersonId]).sort()).toEqual([
      ['membership-accepted', 'demo-reviewer-other-la'], ['membership-accepted', 'demo-reviewer-other-la'],
      ['membership-la-approved', 'demo-la-officer-other-la'], ['membership-la-approved', 'demo-la-officer-other-la'],
    ]);
    // The joint convenor reads it on their own list, with the collaborative's name, after being
    // told the proposal named them (A153; the same instant on this clock, so in no set order);
    // nobody else was told.
    const joint = await list('demo-senior-leader-secondary');
    expect(joint.notifications.map((n) => [n.kind, n.collaborative?.id, n.actor?.id]).sort()).toEqual([
      ['convenor-named', collaborativeId, 'demo-headteacher-secondary'],
      ['membership-accepted', collaborativeId, 'demo-reviewer-other-la'], ['membership-la-approved', collaborativeId, 'demo-la-officer-other-la'],
    ]);
    expect(joint.notifications[0]?.kind).toBe('membership-la-approved');
    expect((await list('demo-reviewer-other-la')).notifications.filter((n) => n.kind.startsWith('membership-a') || n.kind.startsWith('membership-la'))).toEqual([]);
  });

  it('A148: a headteacher declining, or an LA officer refusing, tells every convenor; an answer refused as already given tells nobody again', async () => {
    const { post, told, ask } = await jointlyConvened();
    const first = await ask();
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${first.id}/answer`, { accept: false })).status).toBe(200);
    expect(await told('membership-declined')).toEqual(convenors);
    expect((await post('demo-reviewer-other-la', `/api/membership-requests/${first.id}/answer`, { accept: false })).status).toBe(409);
    expect(await told('membership-declined')).toEqual(convenors);
    const second = await ask();
    expect((await post('demo-la-officer-other-la', `/api/membership-approvals/${second.id}/decision`, { decision: 'decline' })).status).toBe(200);
    expect(await told('membership-la-declined')).toEqual(convenors);
  });
});

describe('notifications: reading them', () => {
  it('A143: a person lists their own, newest first, with the unread count; marks one or all read; someone else\'s is 404', async () => {
    const { api, clock, post, list } = await setup();
    const se = api.docOf('self-evaluation');
    await post('demo-headteacher', `/api/documents/${se}/comments`, { body: 'Un', mentions: ['demo-governor'] });
    clock.advance(60_000);
    await post('demo-headteacher', `/api/documents/${se}/comments`, { body: 'Dau', mentions: ['demo-governor'] });
    const mine = await list('demo-governor');
    expect(mine.unread).toBe(2);
    expect(mine.notifications.map((n) => [n.kind, n.actor?.id, n.document?.id])).toEqual([['mention', 'demo-headteacher', se], ['mention', 'demo-headteacher', se]]);
    expect(mine.notifications[0]?.document?.title).toBeTruthy();
    const [newest, older] = mine.notifications;
    expect(Date.parse(String((await api.sql.all((db) => db.select().from(notifications))).find((n) => n.id === newest?.id)?.createdAt.toISOString()))).toBeGreaterThan(Date.parse('2027-01-10T09:00:30Z'));
    expect((await list('demo-headteacher')).notifications).toEqual([]);

    // Someone else's: 404 as an unknown one, for every other person, and it stays unread.
    for (const person of ['demo-headteacher', 'demo-la-officer', 'demo-facilitator', 'demo-senior-leader']) {
      const refused = await post(person, `/api/notifications/${newest?.id ?? ''}/read`);
      expect([person, refused.status, (await json(refused))['code']]).toEqual([person, 404, 'notification.not-found']);
    }
    expect((await post('demo-governor', '/api/notifications/unknown_id/read')).status).toBe(404);
    expect((await list('demo-governor')).unread).toBe(2);

    expect((await post('demo-governor', `/api/notifications/${older?.id ?? ''}/read`)).status).toBe(200);
    const after = await list('demo-governor');
    expect([after.unread, after.notifications.map((n) => n.readAt !== null)]).toEqual([1, [false, true]]);
    // Read-all marks only the person's own.
    await post('demo-headteacher', `/api/documents/${se}/comments`, { body: 'Tri', mentions: ['demo-facilitator'] });
    expect(await json(await post('demo-governor', '/api/notifications/read-all'))).toEqual({ marked: 1 });
    expect((await list('demo-governor')).unread).toBe(0);
    expect((await list('demo-facilitator')).unread).toBe(1);
  });

  it('A143: the page is bounded at 50 while the unread count counts them all; a body is refused', async () => {
    const { api, list, post } = await setup();
    for (let i = 0; i < 55; i += 1) await api.layer.services.notifications.notify(['demo-governor'], { kind: 'mention', documentId: api.docOf('self-evaluation'), actorPersonId: 'demo-headteacher' });
    const page = await list('demo-governor');
    expect([page.notifications.length, page.unread]).toEqual([50, 55]);
    expect((await post('demo-governor', '/api/notifications/read-all', { pad: 'x'.repeat(1000) })).status).toBe(413);
  });

  it('A144: erasing a document removes the notifications about it and their unsent emails', async () => {
    const { api, post, list } = await setup();
    const se = api.docOf('self-evaluation');
    await post('demo-headteacher', `/api/documents/${se}/comments`, { body: 'Un', mentions: ['demo-governor'] });
    expect((await list('demo-governor')).unread).toBe(1);
    expect(await api.layer.services.registry.erase(se)).toBe(true);
    expect((await list('demo-governor')).notifications).toEqual([]);
    expect(await api.sql.all((db) => db.select().from(notificationOutbox))).toEqual([]);
  });
});
