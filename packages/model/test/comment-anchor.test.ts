import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CommentRange, decodePosition, encodePosition, MAX_ANCHOR_QUOTE_CHARS, quoteOf, rangeInText, resolveInText } from '../src/comments/anchor';

/** Two replicas that exchange every update, as two people in one document. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'b' && Y.applyUpdate(b, u, 'a'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'a' && Y.applyUpdate(a, u, 'b'));
  return { a, b };
}

describe('comment anchors', () => {
  it('D40: a range is two encoded relative positions and a short quote; anything else is refused', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'Mae darllen yn gryfder.');
    const range = rangeInText(text, 4, 11, 'darllen');
    expect(CommentRange.parse(range)).toEqual(range);
    expect(decodePosition(range.start)).not.toBeNull();
    for (const bad of ['', 'not base64!', 'AAAA', 'x'.repeat(201), `${range.start}AA`]) {
      expect(CommentRange.safeParse({ ...range, start: bad }).success).toBe(false);
    }
    expect(CommentRange.safeParse({ ...range, quote: 'q'.repeat(MAX_ANCHOR_QUOTE_CHARS + 1) }).success).toBe(false);
    expect(CommentRange.safeParse({ ...range, extra: 1 }).success).toBe(false);
    expect(quoteOf('  un\n\n dau ')).toBe('un dau');
    expect(quoteOf('a'.repeat(400))).toHaveLength(MAX_ANCHOR_QUOTE_CHARS);
    expect(encodePosition(decodePosition(range.end)!)).toBe(range.end);
  });

  it('D41: the range survives the other person inserting and deleting before it, and typing at its edges', () => {
    const { a, b } = pair();
    a.getText('t').insert(0, 'Mae darllen yn gryfder.');
    const range = rangeInText(a.getText('t'), 4, 11, 'darllen');
    const tb = b.getText('t');
    tb.insert(0, 'Yn yr ysgol: ');
    tb.delete(0, 3); // "yr ysgol: Mae darllen …"
    const moved = resolveInText(a, a.getText('t'), range)!;
    expect(a.getText('t').toString().slice(moved.from, moved.to)).toBe('darllen');
    // Typed right before the start or right after the end: outside the range.
    tb.insert(tb.toString().indexOf('darllen'), 'x');
    tb.insert(tb.toString().indexOf('darllen') + 'darllen'.length, 'y');
    const edged = resolveInText(b, tb, range)!;
    expect(tb.toString().slice(edged.from, edged.to)).toBe('darllen');
  });

  it('D42: a range whose text was deleted, or one of another text, resolves to nothing', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    text.insert(0, 'un dau tri');
    const range = rangeInText(text, 3, 6, 'dau');
    expect(resolveInText(doc, doc.getText('other'), range)).toBeNull();
    text.delete(2, 5);
    expect(resolveInText(doc, text, range)).toBeNull();
  });
});
