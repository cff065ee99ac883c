import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { startOurServer, type OurServer } from './support/our-server.js';
import { connectRawClient } from './support/raw-client.js';

/**
 * An update whose new structs depend on state the server lacks, but whose delete set applies:
 * the server refuses it (closes the socket as malformed). R4: refusing means it leaves no trace.
 */
function dependentUpdateWithDelete(base: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const text = doc.getText('body');
  text.insert(3, 'x');
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    text.insert(4, 'y'); // origin: the 'x' the server never receives
    text.delete(0, 1); // applies on its own: 'a' exists on the server
  });
  return Y.encodeStateAsUpdate(doc, before);
}

describe('refused updates', () => {
  let server: OurServer;
  beforeAll(async () => {
    server = await startOurServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  // The core checks dependencies before applying (update-check.ts), so the delete set that could
  // integrate on its own is never applied, broadcast or committed.
  it('R4: a refused update changes nothing, even when part of it could integrate', async () => {
    const docId = 'rel:refused01';
    const writer = await connectRawClient(server.docUrl(docId, 'writer'));
    await writer.synced;
    writer.doc.getText('body').insert(0, 'abc');
    await writer.waitForDurable((s) => (s.sv.get(writer.doc.clientID) ?? 0) >= 3);
    const rowsBefore = server.storedRows(docId);
    const attacker = await connectRawClient(server.docUrl(docId, 'attacker'));
    await attacker.synced;
    attacker.sendUpdate(dependentUpdateWithDelete(writer.doc));
    expect(await attacker.closed).toBe(CloseCode.malformedFrame);
    const reader = await connectRawClient(server.docUrl(docId, 'reader'));
    await reader.synced;
    writer.close();
    reader.close();
    expect(reader.doc.getText('body').toString()).toBe('abc');
    expect(server.storedRows(docId)).toEqual(rowsBefore);
  }, 60_000);
});
