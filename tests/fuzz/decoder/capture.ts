/**
 * Captures real frames, both directions, from a short session of two clients against the real
 * server: handshakes, typed text, map and array edits, deletes, presence, durable acks.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { connectRawClient, type RawClient } from '../../reliability/support/raw-client.js';
import { awarenessFrame } from '../../reliability/support/frames.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Fixed client ids: the captured frames, and so a seed's mutations, are the same on every run. */
function fixedDoc(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function tap(client: RawClient, corpus: Uint8Array[]): void {
  const send = client.socket.send.bind(client.socket);
  client.socket.send = ((data: Uint8Array, ...rest: unknown[]) => {
    corpus.push(new Uint8Array(data));
    return (send as (...args: unknown[]) => void)(data, ...rest);
  }) as typeof client.socket.send;
  client.socket.on('message', (data: Buffer) => corpus.push(new Uint8Array(data)));
}

export async function captureSession(docUrl: (name: string) => string): Promise<Uint8Array[]> {
  const corpus: Uint8Array[] = [];
  const clients = [await connectRawClient(docUrl('alice'), { doc: fixedDoc(101) }), await connectRawClient(docUrl('bryn'), { doc: fixedDoc(202) })];
  clients.forEach((client) => tap(client, corpus));
  for (const client of clients) await client.synced;
  for (let i = 0; i < 30; i++) {
    const client = clients[i % 2] as RawClient;
    const doc = client.doc;
    const text = doc.getText('body');
    text.insert(Math.min(i, text.length), `gair ${i} `);
    if (i % 5 === 4) text.delete(0, 3);
    if (i % 3 === 0) doc.getMap('meta').set(`key${i % 4}`, { n: i, s: 'statws' });
    if (i % 4 === 0) {
      const card = new Y.Map<unknown>();
      card.set('title', `card ${i}`);
      doc.getArray('items').insert(0, [card]);
    }
    if (i % 6 === 0) {
      const awareness = new awarenessProtocol.Awareness(doc);
      awareness.setLocalState({ user: { name: 'Alice' }, cursor: i });
      client.sendRaw(awarenessFrame(awareness, [doc.clientID]));
      awareness.destroy();
    }
    await sleep(5);
  }
  // A reconnect with a non-empty state vector: a realistic step 1 / step 2 pair.
  const late = await connectRawClient(docUrl('cai'), { doc: fixedDoc(303), stateVector: Y.encodeStateVector(clients[0]?.doc ?? new Y.Doc()) });
  tap(late, corpus);
  await late.synced;
  late.close();
  await sleep(100);
  clients.forEach((client) => client.close());
  corpus.push(Uint8Array.of(3)); // query awareness, as the stock client can send
  // Sorted, so that a seed picks the same frames on every run (arrival order varies a little).
  return corpus.filter((frame) => frame.length > 0).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}
