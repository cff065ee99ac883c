import { describe, expect, it } from 'vitest';
import { MAX_STREAMS_PER_PERSON } from '../src/routes/events';
import { demoApiPerTest } from './support/demo-api';

/** The change-nudge stream (ACCESS.md A135, SPEC S63, policy P119). */
const freshDemoApi = demoApiPerTest();

/** Reads a server-sent event stream until `until` is in what arrived, or the time is up. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: string, ms = 3_000): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (!text.includes(until) && Date.now() < deadline) {
    const next = await Promise.race([reader.read(), new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deadline - Date.now()))]);
    if (next === 'late' || next.done) break;
    text += decoder.decode(next.value, { stream: true });
  }
  return text;
}

describe('change nudges', () => {
  it('A135: signed out there is no stream; signed in it opens with a ready event', async () => {
    const api = await freshDemoApi();
    expect((await api.app.request('http://localhost/api/events')).status).toBe(401);
    const stream = await api.request('demo-headteacher', '/api/events');
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    expect(await readUntil(reader, 'event: ready')).toContain('event: ready');
    await reader.cancel();
  });

  it('S63: a convening change that succeeds nudges every listener with its topic only; a refused one and a read nudge nobody', async () => {
    const api = await freshDemoApi();
    const { secondaryId, otherLaSchoolId } = api.dataset.cast;
    const listener = (await api.request('demo-la-officer', '/api/events')).body!.getReader();
    await readUntil(listener, 'event: ready');

    // A read changes nothing; a governor cannot propose (refused): no nudge either way.
    await api.request('demo-headteacher-secondary', '/api/collaborative-proposals');
    const body = JSON.stringify({
      name: { cy: 'Ysgolion uwchradd Cymraeg', en: 'Welsh-medium secondaries' }, purpose: { cy: 'Dysgu gyda’n gilydd', en: 'Learning together' },
      kind: 'horizontal', structure: 'horizontal', sectorFocus: 'welsh-medium', proposerSchoolId: secondaryId, schoolIds: [otherLaSchoolId], convenorIds: ['demo-headteacher-secondary'], facilitatorIds: [],
    });
    expect((await api.request('demo-governor', '/api/collaborative-proposals', { method: 'POST', body })).status).toBeGreaterThanOrEqual(400);
    expect(api.nudged).toEqual([]);

    // The proposal is made: the LA officer's open page hears "convening", and nothing more.
    expect((await api.request('demo-headteacher-secondary', '/api/collaborative-proposals', { method: 'POST', body })).status).toBe(201);
    expect(api.nudged).toEqual(['convening']);
    const heard = await readUntil(listener, 'event: changed');
    expect(heard).toContain('event: changed\ndata: {"topic":"convening"}');
    expect(heard).not.toContain('Welsh-medium');
    await listener.cancel();
  });

  it('S63: a person holds a bounded number of streams; one closed frees its place', async () => {
    const api = await freshDemoApi();
    const readers = [];
    for (let i = 0; i < MAX_STREAMS_PER_PERSON; i += 1) {
      const response = await api.request('demo-practitioner', '/api/events');
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      await readUntil(reader, 'event: ready');
      readers.push(reader);
    }
    const refused = await api.request('demo-practitioner', '/api/events');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('events.too-many-streams');
    // Someone else is not affected.
    const other = await api.request('demo-headteacher', '/api/events');
    expect(other.status).toBe(200);
    await other.body!.cancel();
    await readers.pop()!.cancel();
    await expect.poll(async () => {
      const again = await api.request('demo-practitioner', '/api/events');
      await again.body?.cancel();
      return again.status;
    }, { timeout: 3_000, interval: 100 }).toBe(200);
    for (const reader of readers) await reader.cancel();
  });
});
