/**
 * ACCESS.md A107 across instances: a comment change taken by one instance is told to the sockets
 * of the document on every instance that asked (a `comments-changed` control message through
 * the fan-out), and never to a socket that did not ask.
 */
import { describe, expect, it, vi } from 'vitest';
import { COMMENTS_PARAM, MessageType } from '@cydweithio/model';
import { connectClient, type TestClient } from '../sync/helpers/provider';
import { newDocId } from '../sync/helpers/server';
import { waitFor } from '../sync/helpers/wait';
import { useInstances } from './support/instances';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });
const instances = useInstances();

function client(syncUrl: string, docId: string, params: Record<string, string> = {}): TestClient & { notices: () => number } {
  const made = connectClient(syncUrl, docId, params);
  instances.cleanup(async () => made.destroy());
  let notices = 0;
  made.provider.messageHandlers[MessageType.commentsChanged] = () => {
    notices += 1;
  };
  return Object.assign(made, { notices: () => notices });
}

describe('A107: comment notices reach every instance', () => {
  it('A107: a comment change on one instance reaches the sockets that asked on the other, and only those', async () => {
    const { servers } = await instances.start(2);
    const docId = newDocId();
    const asking = [client(servers[0]!.syncUrl, docId, { [COMMENTS_PARAM]: '1' }), client(servers[1]!.syncUrl, docId, { [COMMENTS_PARAM]: '1' })];
    const stock = client(servers[1]!.syncUrl, docId);
    await Promise.all([...asking, stock].map((c) => waitFor(() => c.provider.synced, 'initial sync')));
    servers[0]!.sync.commentsChanged(docId);
    await waitFor(() => asking.every((c) => c.notices() === 1), 'a notice on both instances');
    servers[1]!.sync.commentsChanged(docId);
    await waitFor(() => asking.every((c) => c.notices() === 2), 'and back');
    // A document nobody has open elsewhere: nothing to tell, nothing fails.
    servers[0]!.sync.commentsChanged(newDocId());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(asking.map((c) => c.notices())).toEqual([2, 2]);
    expect(stock.notices()).toBe(0);
  });
});
