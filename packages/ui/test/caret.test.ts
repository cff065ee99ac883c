import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection } from 'prosemirror-state';
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from 'y-prosemirror';
import * as Y from 'yjs';
import { captureFieldSelection, caretAfterDelta, restoreFieldSelection } from '../src/bindings/fieldSelection';
import { makeSplice } from '../src/bindings/textDiff';
import { relativeSelectionKeepingSides } from '../src/editor/caretSides';
import { richTextSchema } from '../src/editor/schema';

function twoPeers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  return [a, b];
}

describe('C30 a plain field keeps the caret among the characters', () => {
  it('C30: a remote insert exactly at the caret lands after it; one before it moves it along', () => {
    const [a, b] = twoPeers();
    a.getText('t').insert(0, 'Bore da');
    const caret = captureFieldSelection(a.getText('t'), { start: 4, end: 4, direction: 'none' });
    b.getText('t').insert(4, 'XYZ');
    expect(a.getText('t').toString()).toBe('BoreXYZ da');
    expect(restoreFieldSelection(a, caret)).toMatchObject({ start: 4, end: 4 });
    b.getText('t').insert(0, '>>');
    expect(restoreFieldSelection(a, caret)).toMatchObject({ start: 6, end: 6 });
  });

  it('C30: a selected range does not grow when text arrives at its edges', () => {
    const [a, b] = twoPeers();
    a.getText('t').insert(0, 'abcdef');
    const range = captureFieldSelection(a.getText('t'), { start: 2, end: 4, direction: 'forward' });
    b.getText('t').insert(4, 'R');
    b.getText('t').insert(2, 'L');
    expect(a.getText('t').toString()).toBe('abLcdRef');
    expect(restoreFieldSelection(a, range)).toEqual({ start: 3, end: 5, direction: 'forward' });
  });

  it('C30: two people typing at one caret each keep their run contiguous', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'start end');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const carets = new Map([[a, 6], [b, 6]]);
    // A remote update arrives: capture the caret before it, restore it after (as the field does).
    const receive = (doc: Y.Doc, update: Uint8Array) => {
      const kept = captureFieldSelection(doc.getText('t'), { start: carets.get(doc)!, end: carets.get(doc)!, direction: 'none' });
      Y.applyUpdate(doc, update);
      carets.set(doc, restoreFieldSelection(doc, kept)!.start);
    };
    const type = (doc: Y.Doc, char: string): Uint8Array => {
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(carets.get(doc)!, char);
      carets.set(doc, carets.get(doc)! + 1);
      return Y.encodeStateAsUpdate(doc, before);
    };
    for (let i = 0; i < 5; i++) {
      // Both type at once; each keystroke crosses the other on the wire.
      const fromA = type(a, 'a');
      const fromB = type(b, 'b');
      receive(a, fromB);
      receive(b, fromA);
    }
    const text = a.getText('t').toString();
    expect(text).toBe(b.getText('t').toString());
    expect(text).toMatch(/^start (aaaaabbbbb|bbbbbaaaaa)end$/);
  });

  it('C30: the splice is placed at the caret, so a letter typed inside "ll" is tied to its real neighbours', () => {
    expect(makeSplice('Llanelli', 'Llanellli', 6)).toEqual({ index: 5, remove: 0, insert: 'l' });
    expect(makeSplice('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(makeSplice('abc', 'aXc', 2)).toEqual({ index: 1, remove: 1, insert: 'X' });
  });

  it('C31: an undo puts the caret after what it restored', () => {
    expect(caretAfterDelta([{ retain: 3 }, { insert: 'abc' }])).toBe(6);
    expect(caretAfterDelta([{ retain: 2 }, { delete: 4 }])).toBe(2);
    expect(caretAfterDelta([{ retain: 2 }])).toBeNull();
  });
});

describe('C30 a formatted field keeps the caret on its left', () => {
  it('C30: with the selection tied to the left, a remote insert at the caret does not push it', () => {
    const [a, b] = twoPeers();
    const fragA = a.getXmlFragment('notes');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('abcd')]);
    fragA.insert(0, [p]);
    const { doc, mapping } = initProseMirrorDoc(fragA, richTextSchema);
    // ProseMirror position 3 is after "ab" (1 opens the paragraph).
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 3) });
    const binding = { type: fragA, doc: a, mapping: mapping as Map<Y.AbstractType<unknown>, unknown> };
    const kept = relativeSelectionKeepingSides(binding, state);
    const textB = (b.getXmlFragment('notes').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textB.insert(2, 'XY');
    const at = relativePositionToAbsolutePosition(a, fragA, kept.anchor, mapping as never);
    expect(at).toBe(3);
  });
});

describe('C30 typing is written where it was typed', () => {
  it('C30: a "<" typed before a "<" is the first of the two in Yjs, so the caret after it stays after it', async () => {
    const { writeTypedText } = await import('../src/editor/typedTextWriter');
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('notes');
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('<y>');
    p.insert(0, [text]);
    fragment.insert(0, [p]);
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, richTextSchema);
    const state = EditorState.create({ doc: pmDoc, selection: TextSelection.create(pmDoc, 1) });
    const tr = state.tr.insertText('<', 1);
    const binding = { type: fragment, doc, mapping: mapping as Map<Y.AbstractType<unknown>, unknown> };
    expect(writeTypedText(binding, tr)).toBe(true);
    expect(text.toString()).toBe('<<y>');
    // The new character (the highest clock) is the first one.
    const first = (text as unknown as { _start: Y.Item })._start;
    expect(first.length).toBe(1);
    expect(first.id.clock).toBeGreaterThan((first.right as Y.Item).id.clock);
    expect(writeTypedText(binding, state.tr.setSelection(TextSelection.create(pmDoc, 2)))).toBe(false);
  });
});
