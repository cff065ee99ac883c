import { describe, expect, it } from 'vitest';
import { createRetentionSweep } from '../src/access/retention-sweep';
import { manualClock } from './support/clock';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

describe('a closed review past its retention date', () => {
  it('G33: the sweep re-checks the review\'s open sockets once the date has passed, once per date, and not before', async () => {
    const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
    const api = await freshDemoApi({ clock });
    const review = api.docOf('peer-review');
    const send = (body: unknown) => api.request('demo-headteacher', `/api/peer-reviews/${review}/stage`, { method: 'POST', body: JSON.stringify(body) });
    expect((await send({ stage: 'closed', retainUntil: '2027-01-11' })).status).toBe(200);
    const sweep = createRetentionSweep(api.layer.services);
    expect(await sweep.sweep()).toEqual([]);
    clock.advance(24 * 60 * 60 * 1000); // the retention date itself: reviewers still read
    expect(await sweep.sweep()).toEqual([]);
    clock.advance(24 * 60 * 60 * 1000);
    const before = api.rechecks.length;
    expect(await sweep.sweep()).toEqual([review]);
    expect(api.rechecks.slice(before)).toEqual([{ docIds: [review] }]);
    // The reviewer's next look finds nothing: what the re-check applies to their open socket.
    const listed = ((await (await api.request('demo-reviewer', '/api/documents')).json()) as { documents: { id: string }[] }).documents;
    expect(listed.map((d) => d.id)).not.toContain(review);
    expect(await sweep.sweep()).toEqual([]);
    // A started sweep runs at once and stops cleanly.
    const stop = createRetentionSweep(api.layer.services).start(60_000);
    stop();
  });
});
