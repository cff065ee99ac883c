/**
 * SPEC S63 across instances: a nudge given on one instance reaches the listeners of every
 * instance (a `nudge` control message through the fan-out), once each, with its topic.
 */
import { describe, expect, it, vi } from 'vitest';
import { waitFor } from '../sync/helpers/wait';
import { useInstances } from './support/instances';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
const instances = useInstances();

describe('S63: nudges reach every instance', () => {
  it('S63: a nudge on either instance is heard once by the listeners of both', async () => {
    const { servers } = await instances.start(2);
    const heard: string[][] = [[], []];
    const stops = servers.map((server, i) => server.sync.onNudge((topic) => heard[i]!.push(topic)));
    // Each instance follows the control stream from its end as it stood when it started reading:
    // until both are reading, a nudge can land before that end. Warm up, then count from zero.
    for (const [from, to] of [[0, 1], [1, 0]] as const) {
      for (let tries = 0; heard[to]!.length === 0; tries += 1) {
        if (tries > 50) throw new Error(`instance ${to} never followed the control stream`);
        servers[from]!.sync.nudge('convening');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const list of heard) list.length = 0;
    servers[0]!.sync.nudge('convening');
    await waitFor(() => heard.every((list) => list.length === 1), 'the nudge on both instances');
    servers[1]!.sync.nudge('convening');
    await waitFor(() => heard.every((list) => list.length === 2), 'and back');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual([['convening', 'convening'], ['convening', 'convening']]);
    // Stopped listeners hear nothing more.
    for (const stop of stops) stop();
    servers[0]!.sync.nudge('convening');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.map((list) => list.length)).toEqual([2, 2]);
  });
});
