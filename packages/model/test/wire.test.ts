import { describe, expect, it } from 'vitest';
import { newDocId } from '../src/domain/document';
import { CloseCode, DOC_ID_PATTERN, dropLocalCopyCloseCodes, Limits, MessageType, permanentCloseCodes, signInAgainCloseCodes, SYNC_PATH_PREFIX } from '../src/wire/constants';

describe('wire constants', () => {
  it('W1: close codes are unique, in 4000-4999, and the permanent and drop-local sets nest', () => {
    const codes = Object.values(CloseCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code >= 4000 && code <= 4999).toBe(true);
    for (const code of permanentCloseCodes) expect(codes).toContain(code);
    for (const code of dropLocalCopyCloseCodes) expect(permanentCloseCodes.has(code)).toBe(true);
    for (const code of signInAgainCloseCodes) expect([permanentCloseCodes.has(code), dropLocalCopyCloseCodes.has(code)]).toEqual([true, false]);
    expect(permanentCloseCodes.has(CloseCode.shuttingDown)).toBe(false);
  });

  it('W5: permanent close codes are exactly 4400-4499 (stock y-websocket stops there); retryable ones are 45xx', () => {
    for (const code of Object.values(CloseCode)) {
      expect([code, permanentCloseCodes.has(code)]).toEqual([code, code >= 4400 && code <= 4499]);
    }
    for (const retryable of [CloseCode.rateLimited, CloseCode.tooManyConnections, CloseCode.loadFailed, CloseCode.shuttingDown]) {
      expect(retryable >= 4500 && retryable <= 4599).toBe(true);
    }
    expect(Limits.maxFrameBytes).toBe(Limits.maxDocumentBytes);
  });

  it('W2: message types 0-3 are y-websocket’s, durable is ours and distinct; limits are sane', () => {
    expect([MessageType.sync, MessageType.awareness, MessageType.auth, MessageType.queryAwareness]).toEqual([0, 1, 2, 3]);
    expect(new Set(Object.values(MessageType)).size).toBe(Object.values(MessageType).length);
    expect(MessageType.durable).toBe(4);
    expect(MessageType.commentsChanged).toBe(5);
    for (const v of Object.values(Limits)) expect(Number.isInteger(v) && v > 0).toBe(true);
    expect(Limits.maxFrameBytes).toBeLessThanOrEqual(Limits.maxDocumentBytes);
  });

  it('W3: a document id is one URL path segment and unsafe ids are refused', () => {
    const id = newDocId('self-evaluation', 'abcDEF123_-');
    const path = SYNC_PATH_PREFIX + id;
    expect(decodeURIComponent(path.slice(SYNC_PATH_PREFIX.length))).toBe(id);
    expect(encodeURIComponent(id).replace('%3A', ':')).toBe(id);
    for (const bad of ['a:../../x', 'Workspace:abcdefg', 'workspace:abc def', 'workspace:abc/def', 'workspace:', ':abcdefg']) {
      expect([bad, DOC_ID_PATTERN.test(bad)]).toEqual([bad, false]);
    }
  });
});

describe('durable acknowledgement frame', () => {
  it('W4: a durable frame is MessageType.durable then a snapshot; saved means contained in it', async () => {
    const Y = await import('yjs');
    const { decodeDurable, encodeDurable, isSavedBy } = await import('../src/wire/durable');
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText('t').insert(0, 'Helo');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    const frame = encodeDurable(Y.snapshot(server));
    expect(frame[0]).toBe(MessageType.durable);
    const snapshot = decodeDurable(frame);
    expect(isSavedBy(client, snapshot)).toBe(true);
    client.getText('t').insert(4, ' byd');
    expect(isSavedBy(client, snapshot)).toBe(false);
  });
});
