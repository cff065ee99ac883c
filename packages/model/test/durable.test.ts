import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeDurable, encodeDurable, isSavedBy, snapshotContains } from '../src/wire/durable';

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

describe('W4, S11: durable acknowledgement (a client is saved when the last durable snapshot holds its edits)', () => {
  it('round-trips a snapshot through encodeDurable/decodeDurable', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'hello');
    doc.getText('t').delete(1, 2);
    const snap = Y.snapshot(doc);
    expect(Y.equalSnapshots(decodeDurable(encodeDurable(snap)), snap)).toBe(true);
  });

  it('rejects a frame of another message type', () => {
    expect(() => decodeDurable(new Uint8Array([0, 0]))).toThrow();
  });

  it('an empty document is saved by an empty snapshot', () => {
    expect(isSavedBy(new Y.Doc(), Y.emptySnapshot)).toBe(true);
  });

  it('is saved when the server holds everything the client has', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    client.getText('t').insert(0, 'abc');
    sync(client, server);
    expect(isSavedBy(client, Y.snapshot(server))).toBe(true);
  });

  it('is not saved when the client has an insert the server lacks', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    client.getText('t').insert(0, 'abc');
    const before = Y.snapshot(server);
    expect(isSavedBy(client, before)).toBe(false);
  });

  it('a delete-only edit is not saved until the snapshot contains the deletion', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    client.getText('t').insert(0, 'abcdef');
    sync(client, server);
    const beforeDelete = Y.snapshot(server);
    client.getText('t').delete(1, 3);
    // The state vector did not move: only the delete set tells the difference.
    expect(Y.encodeStateVector(client)).toEqual(Y.encodeStateVector(server));
    expect(isSavedBy(client, beforeDelete)).toBe(false);
    sync(client, server);
    expect(isSavedBy(client, Y.snapshot(server))).toBe(true);
  });

  it('a snapshot with more than the client has still saves it', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    client.getText('t').insert(0, 'one');
    sync(client, server);
    server.getText('t').insert(0, 'two ');
    server.getText('t').delete(0, 1);
    expect(isSavedBy(client, Y.snapshot(server))).toBe(true);
  });

  it('deleted ranges split over several adjacent snapshot ranges still count as covered', () => {
    const client = new Y.Doc();
    const server = new Y.Doc();
    client.getText('t').insert(0, 'abcdefgh');
    sync(client, server);
    server.getText('t').delete(2, 2);
    server.getText('t').delete(0, 2);
    sync(server, client);
    expect(isSavedBy(client, Y.snapshot(server))).toBe(true);
  });
});

describe('snapshotContains', () => {
  it('compares clocks and deletions', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abcdef');
    const inserted = Y.snapshot(doc);
    doc.getText('t').delete(0, 2);
    const deleted = Y.snapshot(doc);
    expect(snapshotContains(deleted, inserted)).toBe(true);
    expect(snapshotContains(inserted, deleted)).toBe(false);
    expect(snapshotContains(deleted, deleted)).toBe(true);
  });
});
