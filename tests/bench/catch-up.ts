/**
 * A client one edit behind on a 100,000-character document reconnects: how many bytes does the
 * server's sync step 2 carry? Typed with realistic backspaces so the delete set is not empty.
 */
import * as Y from 'yjs';
import { startOurServer } from '../reliability/support/our-server.js';
import { connectRawClient } from '../reliability/support/raw-client.js';

export interface CatchUpResult { characters: number; documentBytes: number; step2Bytes: number; percent: number }

/** A document built like a person types it: runs of letters at the caret, and backspaces. */
export function typedDocument(characters: number): Y.Doc {
  const doc = new Y.Doc();
  const text = doc.getText('body');
  let caret = 0;
  let step = 0;
  while (text.length < characters) {
    step++;
    if (step % 40 === 0) caret = Math.floor((step * 7919) % (text.length + 1));
    if (step % 25 === 0 && caret > 0) {
      text.delete(caret - 1, 1);
      caret--;
    } else {
      const run = 'word '.repeat(4);
      text.insert(caret, run);
      caret += run.length;
    }
  }
  return doc;
}

export async function measureCatchUp(characters = 100_000): Promise<CatchUpResult> {
  const server = await startOurServer();
  try {
    const docId = 'bench:catchup01';
    const writer = await connectRawClient(server.docUrl(docId));
    const source = typedDocument(characters);
    writer.sendUpdate(Y.encodeStateAsUpdate(source));
    await writer.waitForDurable(() => true);
    const behind = await connectRawClient(server.docUrl(docId));
    await behind.synced;
    const stateVector = Y.encodeStateVector(behind.doc);
    behind.close();
    const other = await connectRawClient(server.docUrl(docId));
    await other.synced;
    other.doc.getText('body').insert(500, 'x');
    await other.waitForDurable(() => true);
    const again = await connectRawClient(server.docUrl(docId), { stateVector });
    const step2 = await again.firstStep2;
    const documentBytes = Y.encodeStateAsUpdate(other.doc).byteLength;
    for (const client of [writer, other, again]) client.close();
    return { characters, documentBytes, step2Bytes: step2.byteLength, percent: (100 * step2.byteLength) / documentBytes };
  } finally {
    await server.stop();
  }
}
