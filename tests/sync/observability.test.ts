import { afterEach, describe, expect, it } from 'vitest';
import { connectClient, synced } from './helpers/provider';
import { makeDataDir, newDocId, startTestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

describe('health and metrics', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S18: /healthz reports resident documents and connections, and 503 while shutting down; /metrics is Prometheus text', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    const client = connectClient(server.syncUrl, newDocId(), { name: 'Probe' });
    cleanups.push(() => client.destroy());
    await synced(client);
    client.doc.getText('t').insert(0, 'counted');
    await waitFor(() => client.saved(), 'saved');

    const health = await server.app.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', residentDocuments: 1, connections: 1 });

    const metrics = await (await server.app.request('/metrics')).text();
    expect(metrics).toMatch(/^cyd_sync_connections 1$/m);
    expect(metrics).toMatch(/^cyd_sync_resident_documents 1$/m);
    expect(metrics).toMatch(/^cyd_sync_updates_total [1-9]/m);
    expect(metrics).toMatch(/^cyd_sync_commit_seconds_count [1-9]/m);
    expect(metrics).toContain('cyd_sync_rejected_frames_total');

    client.provider.shouldConnect = false;
    await server.close();
    expect((await server.app.request('/healthz')).status).toBe(503);
  });

  it('S18: two servers in one process keep separate metrics', async () => {
    const [a, b] = [makeDataDir(), makeDataDir()];
    cleanups.push(() => [a, b].forEach((d) => d.remove()));
    const first = await startTestServer(a.dir);
    const second = await startTestServer(b.dir);
    cleanups.push(() => first.close(), () => second.close());
    expect(first.metrics.registry).not.toBe(second.metrics.registry);
    expect((await second.app.request('/metrics')).status).toBe(200);
  });
});
