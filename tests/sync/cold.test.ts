/**
 * S22: a resident document nobody writes to is held as its committed bytes, not as a live Y.Doc.
 * Everything a reader needs is served from the bytes; the next write makes it live again.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@cydweithio/model';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { newDocId, serversPerTest, storedRows } from './helpers/server';
import { sleep, waitFor } from './helpers/wait';

describe('cold documents', () => {
  const { server, cleanups } = serversPerTest();

  it('S22: a quiet document goes cold; joining, catching up, acks and presence are served from its bytes; a write makes it live again', async () => {
    const { running, dataDir } = await server({ coldAfterMs: 100 });
    const docId = newDocId();
    const writer = connectClient(running.syncUrl, docId, { name: 'Writer' });
    cleanups.push(() => writer.destroy());
    await synced(writer);
    writer.doc.getText('t').insert(0, 'hello');
    await waitFor(() => writer.saved(), 'first edit saved');
    // A reader that will fall behind: it holds "hello" only.
    const behind = new Y.Doc();
    Y.applyUpdate(behind, Y.encodeStateAsUpdate(writer.doc));
    writer.doc.getText('t').insert(5, ' world');
    await waitFor(() => writer.saved(), 'second edit saved');
    await waitFor(() => running.sync.coldCount() === 1, 'the document goes cold');

    const joiner = connectClient(running.syncUrl, docId, { name: 'Joiner' });
    cleanups.push(() => joiner.destroy());
    await synced(joiner);
    expect(textOf(joiner)).toBe('hello world');
    await waitFor(() => joiner.durable.length > 0 && joiner.saved(), 'initial-sync ack from the bytes');

    const late = new RawClient(`${running.syncUrl}/${docId}?name=Late`);
    cleanups.push(() => late.close());
    await late.opened();
    late.sendSyncStep1(behind);
    await waitFor(() => late.of(MessageType.sync, 1).length === 1, 'catch-up diff');
    const diff = late.of(MessageType.sync, 1)[0]!.payload;
    expect(diff.byteLength).toBeLessThan(Y.encodeStateAsUpdate(writer.doc).byteLength);
    Y.applyUpdate(behind, diff);
    expect(behind.getText('t').toString()).toBe('hello world');

    joiner.provider.awareness.setLocalStateField('cursor', 3);
    await waitFor(() => [...writer.provider.awareness.getStates().values()].some((state) => state['cursor'] === 3), 'presence while cold');
    expect(running.sync.coldCount()).toBe(1);

    joiner.doc.getText('t').insert(0, 'Oh, ');
    await waitFor(() => textOf(writer) === 'Oh, hello world' && joiner.saved(), 'the write reaches everyone and is saved');
    expect(running.sync.coldCount()).toBe(0);
    await waitFor(() => running.sync.coldCount() === 1, 'quiet again, cold again');
    // The first writer carries on: its update starts past clock 0 (an incremental update), which
    // must be seen as new on a cold document, not mistaken for an answer that adds nothing.
    writer.doc.getText('t').insert(textOf(writer).length, '!');
    await waitFor(() => textOf(joiner) === 'Oh, hello world!' && writer.saved(), 'the incremental write arrives and is saved');
    await waitFor(() => running.sync.coldCount() === 1, 'cold once more');
    const onDisk = new Y.Doc();
    for (const update of storedRows(dataDir).updatesFor(docId)) Y.applyUpdate(onDisk, update);
    expect(onDisk.getText('t').toString()).toBe('Oh, hello world!');
  });

  it('S22: on a cold document a viewer\u2019s answer that adds nothing is ignored and its write refused, and neither makes it live', async () => {
    const { running, dataDir } = await server({ coldAfterMs: 100 });
    const docId = newDocId();
    const editor = connectClient(running.syncUrl, docId, { name: 'Editor' });
    cleanups.push(() => editor.destroy());
    await synced(editor);
    editor.doc.getText('t').insert(0, 'by the editor');
    await waitFor(() => editor.saved(), 'saved');
    await waitFor(() => running.sync.coldCount() === 1, 'cold');
    const rowsBefore = storedRows(dataDir).updates;

    const viewer = new RawClient(`${running.syncUrl}/${docId}?name=Viewer&access=viewer`);
    cleanups.push(() => viewer.close());
    await viewer.opened();
    const viewerDoc = new Y.Doc();
    viewer.sendSyncStep1(viewerDoc);
    await waitFor(() => viewer.of(MessageType.sync, 1).length === 1, 'viewer reads');
    Y.applyUpdate(viewerDoc, viewer.of(MessageType.sync, 1)[0]!.payload);
    viewer.sendSyncStep2(Y.encodeStateAsUpdate(viewerDoc, Y.encodeStateVector(viewerDoc)));
    await sleep(50);
    expect(viewer.of(MessageType.auth)).toHaveLength(0);
    const writes: Uint8Array[] = [];
    viewerDoc.on('update', (update: Uint8Array) => writes.push(update));
    viewerDoc.getText('t').insert(0, 'VIEWER ');
    viewerDoc.getText('t').insert(0, 'AGAIN ');
    viewer.sendUpdate(writes[0]!);
    // The second starts past clock 0: refused as well, not taken for an answer that adds nothing.
    viewer.sendUpdate(writes[1]!);
    await waitFor(() => viewer.of(MessageType.auth).length === 2, 'both refused');
    expect(running.sync.coldCount()).toBe(1);
    expect(storedRows(dataDir).updates).toBe(rowsBefore);
    expect(textOf(editor)).toBe('by the editor');
  });
});
