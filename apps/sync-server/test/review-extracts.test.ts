import { describe, expect, it } from 'vitest';
import { peerReview, reviewExtract, richTextPlain, richTextToJson, setParagraphs } from '@cydweithio/model/docs/index';
import { json } from './support/api';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

async function setup() {
  const api = await freshDemoApi({ clock: manualClock(Date.parse('2027-01-10T09:00:00Z')) });
  const review = api.docOf('peer-review');
  const base = `/api/peer-reviews/${review}/extracts`;
  const send = (person: string, path: string, body?: unknown, method = 'POST') =>
    api.request(person, `${base}${path}`, body === undefined ? { method } : { method, body: JSON.stringify(body) });
  const listed = async (person: string, id: string) => ((await (await api.request(person, '/api/documents')).json()) as { documents: { id: string; access: string; kind: string }[] }).documents.find((d) => d.id === id);
  const reviewDoc = await api.sync.getDoc!(review);
  const pr = peerReview(reviewDoc);
  setParagraphs(pr.section('strengths'), ['Arweinyddiaeth gref']);
  setParagraphs(pr.section('notes'), ['Nodyn cyfrinachol']);
  const strengthsOf = async (id: string) => richTextPlain(richTextToJson(reviewExtract(await api.sync.getDoc!(id)).strengths()));
  const trail = async (docId: string) => ((await (await api.request('demo-headteacher', `/api/audit?documentId=${docId}`)).json()) as { entries: { action: string; detail: Record<string, unknown> }[] }).entries;
  return { api, review, send, listed, pr, strengthsOf, trail, clusterId: api.dataset.cast.clusterId };
}

describe('a peer review\'s strengths, published to a collaborative', () => {
  it('G40: the host publishes the strengths as a new document the collaborative\'s leaders and convenor read; nobody else publishes', async () => {
    const { api, review, send, listed, strengthsOf, trail, clusterId } = await setup();
    for (const person of ['demo-senior-leader', 'demo-practitioner', 'demo-reviewer', 'demo-convenor', 'demo-headteacher-secondary', 'demo-la-officer']) {
      expect([person, (await send(person, '', { collaborativeId: clusterId })).status]).toEqual([person, 403]);
    }
    const published = await send('demo-headteacher', '', { collaborativeId: clusterId });
    expect(published.status).toBe(201);
    const { extractId } = (await published.json()) as { extractId: string };
    expect(extractId).toMatch(/^review-extract:/);
    expect(extractId).not.toBe(review);
    expect(await strengthsOf(extractId)).toBe('Arweinyddiaeth gref');
    expect(JSON.stringify((await api.sync.getDoc!(extractId)).toJSON())).not.toContain('cyfrinachol');
    expect(await listed('demo-headteacher-secondary', extractId)).toMatchObject({ access: 'viewer', kind: 'review-extract' });
    expect(await listed('demo-convenor', extractId)).toMatchObject({ access: 'viewer' });
    // Opened by its id (as the socket does): the member reads it, the policy's own answer.
    expect((await api.request('demo-headteacher-secondary', `/api/documents/${extractId}`)).status).toBe(200);
    expect((await api.request('demo-practitioner-secondary', `/api/documents/${extractId}`)).status).toBe(403);
    expect(await listed('demo-headteacher', extractId)).toMatchObject({ access: 'owner' });
    // The review itself stays unshared: the members read the extract, not the write-up.
    expect(await listed('demo-headteacher-secondary', review)).toBeUndefined();
    for (const person of ['demo-practitioner-secondary', 'demo-la-officer', 'demo-facilitator']) expect([person, await listed(person, extractId)]).toEqual([person, undefined]);
    const other = api.dataset.collaboratives.find((c) => !c.memberSchoolIds.includes(api.dataset.cast.primaryId));
    expect((await json(await send('demo-headteacher', '', { collaboratives: other?.id }))).status).toBe(400);
    expect((await json(await send('demo-headteacher', '', { collaborativeId: other?.id }))).detail).toBe('peer-review.share-own-collaboratives-only');
    const state = (await (await send('demo-headteacher', '', undefined, 'GET')).json()) as { collaboratives: { id: string }[]; extracts: { documentId: string; collaborativeId: string; collaborativeName: unknown }[] };
    expect(state.collaboratives.map((c) => c.id)).toContain(clusterId);
    expect(state.extracts).toMatchObject([{ documentId: extractId, collaborativeId: clusterId }]);
    expect((await send('demo-headteacher-secondary', '', undefined, 'GET')).status).toBe(403);
    expect((await trail(review)).filter((e) => e.action === 'published').map((e) => e.detail)).toEqual([{ extractId, collaborativeId: clusterId, refreshed: false }]);
  });

  it('G41: publishing again refreshes the same extract from the review\'s strengths now, audited; closing the review leaves it', async () => {
    const { api, send, pr, strengthsOf, trail, review, listed, clusterId } = await setup();
    const { extractId } = (await (await send('demo-headteacher', '', { collaborativeId: clusterId })).json()) as { extractId: string };
    setParagraphs(pr.section('strengths'), ['Cryfder newydd']);
    const again = await send('demo-headteacher', '', { collaborativeId: clusterId });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ extractId, collaborativeId: clusterId, refreshed: true });
    expect(await strengthsOf(extractId)).toBe('Cryfder newydd');
    expect((await trail(review)).filter((e) => e.action === 'published').map((e) => e.detail['refreshed'])).toEqual([false, true]);
    expect((await api.request('demo-headteacher', `/api/peer-reviews/${review}/stage`, { method: 'POST', body: JSON.stringify({ stage: 'closed', retainUntil: '2027-06-01' }) })).status).toBe(200);
    expect(await listed('demo-headteacher-secondary', extractId)).toMatchObject({ access: 'viewer' });
  });

  it('G42: withdrawing erases the extract, closes its sockets and takes it off members\' lists; publishing again makes a new one', async () => {
    const { api, send, listed, trail, review, clusterId } = await setup();
    const { extractId } = (await (await send('demo-headteacher', '', { collaborativeId: clusterId })).json()) as { extractId: string };
    expect((await send('demo-headteacher-secondary', `/${clusterId}`, undefined, 'DELETE')).status).toBe(403);
    expect((await send('demo-headteacher', `/${clusterId}`, undefined, 'DELETE')).status).toBe(204);
    expect(api.erased).toContain(extractId);
    expect(api.rechecks.at(-1)).toEqual({ docIds: [extractId] });
    expect(await listed('demo-headteacher-secondary', extractId)).toBeUndefined();
    expect((await api.request('demo-headteacher-secondary', `/api/documents/${extractId}`)).status).toBe(404);
    expect((await send('demo-headteacher', `/${clusterId}`, undefined, 'DELETE')).status).toBe(404);
    expect((await trail(review)).filter((e) => e.action === 'withdrawn').map((e) => e.detail)).toEqual([{ extractId, collaborativeId: clusterId }]);
    const { extractId: second } = (await (await send('demo-headteacher', '', { collaborativeId: clusterId })).json()) as { extractId: string };
    expect(second).not.toBe(extractId);
  });

  it('G40: bodies are bounded and checked; only a peer review publishes', async () => {
    const { api, send, clusterId } = await setup();
    expect((await send('demo-headteacher', '', { collaborativeId: clusterId, padding: 'x'.repeat(2000) })).status).toBe(413);
    expect((await send('demo-headteacher', '', { collaborativeId: '<script>' })).status).toBe(400);
    const se = api.docOf('self-evaluation');
    expect((await api.request('demo-headteacher', `/api/peer-reviews/${se}/extracts`, { method: 'POST', body: JSON.stringify({ collaborativeId: clusterId }) })).status).toBe(409);
  });
});
