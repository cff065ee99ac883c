import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { parseEnv } from '@cydweithio/sync-server/env';
import { RawClient } from './helpers/raw-client';
import { connectClient, synced } from './helpers/provider';
import { makeDataDir, newDocId, storedRows, serversPerTest } from './helpers/server';
import { waitFor } from './helpers/wait';

describe('limits, erasure and configuration', () => {
  const { server, cleanups } = serversPerTest();

  it('S17: a socket over its message rate is closed with rateLimited; others are untouched', async () => {
    const { running } = await server({ limits: { maxMessagesPerSecond: 10 } });
    const docId = newDocId();
    const calm = new RawClient(`${running.syncUrl}/${docId}?name=Calm`);
    const noisy = new RawClient(`${running.syncUrl}/${docId}?name=Noisy`);
    cleanups.push(() => [calm, noisy].forEach((c) => c.close()));
    await Promise.all([calm.opened(), noisy.opened()]);
    for (let i = 0; i < 100; i += 1) noisy.sendSyncStep1(new Y.Doc());
    expect(await noisy.closed()).toBe(CloseCode.rateLimited);
    calm.sendSyncStep1(new Y.Doc());
    await waitFor(() => calm.of(0, 1).length === 1, 'calm socket still served');
    expect(calm.closeCode).toBeUndefined();
  });

  it('S17: a document refuses sockets beyond its connection cap with tooManyConnections', async () => {
    const { running } = await server({ limits: { maxConnectionsPerDocument: 2 } });
    const docId = newDocId();
    const sockets = [0, 1].map((i) => new RawClient(`${running.syncUrl}/${docId}?name=S${i}`));
    cleanups.push(() => sockets.forEach((c) => c.close()));
    await Promise.all(sockets.map((s) => s.opened()));
    await waitFor(() => sockets.every((s) => s.of(0, 0).length === 1), 'both joined');
    const third = new RawClient(`${running.syncUrl}/${docId}?name=Third`);
    await third.opened();
    expect(await third.closed()).toBe(CloseCode.tooManyConnections);
  });

  it('S3: erasing a document closes its sockets with documentErased and deletes every stored row', async () => {
    const { running, dataDir } = await server();
    const docId = newDocId();
    const client = connectClient(running.syncUrl, docId, { name: 'Owner' });
    cleanups.push(() => client.destroy());
    let closeCode = 0;
    client.provider.on('connection-close', (event) => {
      closeCode ||= event?.code ?? 0;
    });
    await synced(client);
    client.doc.getText('t').insert(0, 'to be erased');
    await waitFor(() => client.saved(), 'saved');
    await running.sync.erase(docId);
    await waitFor(() => closeCode !== 0, 'socket closed');
    expect(closeCode).toBe(CloseCode.documentErased);
    expect(storedRows(dataDir).updatesFor(docId)).toEqual([]);
    expect((await running.sync.getDoc(docId)).getText('t').toString()).toBe('');
  });

  it('S19: configuration is validated, with defaults, and a session secret is generated once in the data dir', () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const result = parseEnv({ DATA_DIR: data.dir });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: data.dir });
    expect(existsSync(join(data.dir, 'session-secret'))).toBe(true);
    expect(readFileSync(join(data.dir, 'session-secret'), 'utf8').trim()).toBe(result.env.SESSION_SECRET);
    const again = parseEnv({ DATA_DIR: data.dir });
    expect(again.ok && again.env.SESSION_SECRET).toBe(result.env.SESSION_SECRET);
    const bad = parseEnv({ DATA_DIR: data.dir, PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/);
  });
});
