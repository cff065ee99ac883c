/**
 * The core's side of "no socket outlives its session" (SPEC S23) and the liveness sweep (S24),
 * with the open test authorizer (sessions from `?session=`); the access layer's side is in
 * tests/security. Closes are awaited, never timed.
 */
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode } from '@cydweithio/model';
import { RawClient } from './helpers/raw-client';
import { newDocId, serversPerTest } from './helpers/server';
import { waitFor } from './helpers/wait';

describe('sessions and liveness', () => {
  const { server, cleanups } = serversPerTest();
  const raw = async (url: string): Promise<RawClient> => {
    const client = new RawClient(url);
    cleanups.push(() => client.close());
    await client.opened();
    return client;
  };

  it('S23: endSessions closes the sockets of the sessions or people named, with sessionEnded, and no others', async () => {
    const { running } = await server();
    const docId = newDocId();
    const url = (query: string) => `${running.syncUrl}/${docId}?${query}`;
    const [first, second, otherPerson, noSession] = await Promise.all([
      raw(url('person=p1&session=s1')),
      raw(url('person=p1&session=s2')),
      raw(url('person=p2&session=s3')),
      raw(url('person=p3')),
    ]);
    await waitFor(() => running.sync.connectionCount() === 4, 'all joined');
    expect(running.sync.endSessions({ sessionIds: ['s1'] })).toBe(1);
    expect(await first.closed()).toBe(CloseCode.sessionEnded);
    expect(running.sync.endSessions({ personIds: ['p2'] })).toBe(1);
    expect(await otherPerson.closed()).toBe(CloseCode.sessionEnded);
    await waitFor(() => running.sync.connectionCount() === 2, 'the two closed sockets are gone');
    expect([second.closeCode, noSession.closeCode]).toEqual([undefined, undefined]);
  });

  it('S23: a socket closes with sessionEnded when its session expires; one already expired is closed at once', async () => {
    const { running } = await server();
    const docId = newDocId();
    const expiring = await raw(`${running.syncUrl}/${docId}?person=p1&session=s1&sessionMs=300`);
    const lasting = await raw(`${running.syncUrl}/${docId}?person=p2&session=s2`);
    expect(await expiring.closed()).toBe(CloseCode.sessionEnded);
    const expired = await raw(`${running.syncUrl}/${docId}?person=p3&session=s3&sessionMs=-1`);
    expect(await expired.closed()).toBe(CloseCode.sessionEnded);
    expect(lasting.closeCode).toBeUndefined();
  });

  it('S24: a socket that does not answer pings is terminated and stops counting against the per-document cap', async () => {
    const { running } = await server({ pingIntervalMs: 150, limits: { maxConnectionsPerDocument: 1 } });
    const docId = newDocId();
    const silent = new WebSocket(`${running.syncUrl}/${docId}`, { autoPong: false });
    cleanups.push(() => silent.terminate());
    let silentClose: number | undefined;
    silent.on('close', (code) => (silentClose = code));
    silent.on('error', () => undefined);
    await waitFor(() => running.sync.connectionCount() === 1, 'the silent socket joined');
    // While it counts, the document is full.
    const refused = await raw(`${running.syncUrl}/${docId}`);
    expect(await refused.closed()).toBe(CloseCode.tooManyConnections);
    await waitFor(() => silentClose !== undefined, 'the silent socket was terminated');
    expect(silentClose).toBe(1006); // cut, not closed: it would not have answered a close either
    await waitFor(() => running.sync.connectionCount() === 0, 'the server no longer counts it');
    const live = await raw(`${running.syncUrl}/${docId}`);
    await waitFor(() => live.of(0, 0).length > 0, 'a live socket joins the freed document');
    // Sockets that answer are never cut, however many sweeps pass.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(live.closeCode).toBeUndefined();
  });
});
