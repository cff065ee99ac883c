/**
 * S71: what an instance publishes goes to Redis at the end of the turn of the event loop it was
 * made in, never held until the answer to the publish before it has come back and been read.
 * Redis's answers reach the fan-out through a proxy that holds them back; a watcher reading the
 * stream directly sees when each entry arrived.
 */
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { RedisFanout } from '@cydweithio/sync-server/sync/fanout/redis-fanout';
import { silentSyncLogger } from '@cydweithio/sync-server/sync/logger';
import type { Room } from '@cydweithio/sync-server/sync/room';
import { dropPrefix, LOCAL_REDIS, runPrefix } from './support/redis';

/** A TCP proxy to the machine's Redis whose answers (Redis to client) wait `holdMs` when set. */
async function answerHoldingProxy(): Promise<{ port: number; hold(ms: number): void; close(): Promise<void> }> {
  let holdMs = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(6379, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.pipe(upstream);
    // Equal delays fire in the order they were set, so the answers keep their order.
    upstream.on('data', (chunk) => (holdMs > 0 ? setTimeout(() => client.write(chunk), holdMs) : client.write(chunk)));
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hold: (ms) => (holdMs = ms),
    close: () => new Promise((resolve) => { for (const socket of sockets) socket.destroy(); server.close(() => resolve()); }),
  };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

describe('S71: publishing to other instances', () => {
  it('S71: an update is on the stream at once, while the answer to the one before is still on its way', async () => {
    const prefix = runPrefix();
    const proxy = await answerHoldingProxy();
    cleanups.push(() => proxy.close(), () => dropPrefix(LOCAL_REDIS, prefix));
    const fanout = new RedisFanout(
      { load: () => Promise.reject(new Error('not used')), applyPresence: () => undefined, control: () => undefined, takeOver: () => undefined },
      { url: `redis://127.0.0.1:${proxy.port}`, prefix, logger: silentSyncLogger },
    );
    cleanups.push(() => fanout.close());
    await fanout.ready();
    const room = { docId: 'doc:s71' } as Room;
    const watcher = new Redis(LOCAL_REDIS);
    cleanups.push(async () => watcher.disconnect());
    const key = `${prefix}doc:${room.docId}`;

    fanout.publishUpdate(room, new Uint8Array([1]));
    const first = await watcher.xread('BLOCK', 2_000, 'STREAMS', key, '0-0');
    const firstId = first?.[0]?.[1].at(-1)?.[0] ?? '0-0';
    // From now on Redis's answers take 400 ms to come back: the first publish is answered, but
    // the fan-out has not read it yet when the second is made.
    proxy.hold(400);
    fanout.publishUpdate(room, new Uint8Array([2]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const startedAt = performance.now();
    fanout.publishUpdate(room, new Uint8Array([3]));
    const seen: number[] = [];
    let cursor = firstId;
    while (seen.length < 2) {
      const read = await watcher.xreadBuffer('BLOCK', 2_000, 'STREAMS', key, cursor);
      const entries = read?.[0]?.[1] ?? [];
      if (entries.length === 0) break;
      for (const [id] of entries) {
        seen.push(performance.now() - startedAt);
        cursor = id.toString();
      }
    }
    expect(seen).toHaveLength(2);
    // Both are on the stream long before any answer could have come back through the proxy.
    expect(Math.max(...seen)).toBeLessThan(200);
  });
});
