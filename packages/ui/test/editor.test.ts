import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state';
import * as Y from 'yjs';
import { formatCommands, isActive, setLink } from '../src/editor/commands';
import { safeHref } from '../src/editor/safeHref';
import { richTextSchema as schema } from '../src/editor/schema';
import { historyKey } from '../src/bindings/undoKeys';

function stateWith(text: string, from: number, to = from): EditorState {
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text(text)])]);
  return EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: Transaction) => void) => boolean): EditorState {
  let next = state;
  command(state, (tr) => (next = state.apply(tr)));
  return next;
}

describe('C32 formatting and links', () => {
  it('C32: only http, https and mailto addresses are links', () => {
    expect(safeHref(' https://hwb.gov.wales/ ')).toBe('https://hwb.gov.wales/');
    expect(safeHref('mailto:pennaeth@ysgol.cymru')).toBe('mailto:pennaeth@ysgol.cymru');
    expect(safeHref('http://example.org/a?b=c')).toBe('http://example.org/a?b=c');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<b>x</b>', 'vbscript:x', 'file:///etc/passwd', '//evil.example', 'example.org', '', 'java\nscript:alert(1)', 'https://a b']) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });

  it('C32: the link command refuses an unsafe address and links a safe one', () => {
    const state = stateWith('Hwb', 1, 4);
    expect(setLink('javascript:alert(1)')(state)).toBe(false);
    const linked = run(state, setLink('https://hwb.gov.wales'));
    expect(isActive(linked, 'link')).toBe(true);
    expect(linked.doc.firstChild!.firstChild!.marks[0]!.attrs['href']).toBe('https://hwb.gov.wales');
  });

  it('C32: an unsafe href in the shared document is never rendered as a link', () => {
    const mark = schema.marks['link']!.create({ href: 'javascript:alert(1)' });
    const spec = schema.marks['link']!.spec.toDOM!(mark, true) as unknown as [string, Record<string, string>];
    expect(spec[0]).toBe('span');
    expect(JSON.stringify(spec)).not.toContain('javascript');
  });

  it('C32: bold, italic, heading and lists toggle on and off', () => {
    let state = stateWith('Blaenoriaeth', 1, 5);
    for (const id of ['strong', 'em'] as const) {
      state = run(state, formatCommands[id]);
      expect(isActive(state, id)).toBe(true);
      state = run(state, formatCommands[id]);
      expect(isActive(state, id)).toBe(false);
    }
    for (const id of ['heading', 'subheading', 'bullet_list', 'ordered_list'] as const) {
      state = run(state, formatCommands[id]);
      expect(isActive(state, id), id).toBe(true);
      state = run(state, formatCommands[id]);
      expect(isActive(state, id), id).toBe(false);
    }
  });
});

describe('C31 undo takes back only your own edits', () => {
  it('C31: an undo manager tracking one origin leaves a remote edit alone', () => {
    const doc = new Y.Doc();
    const text = doc.getText('t');
    const mine = {};
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([mine]) });
    doc.transact(() => text.insert(0, 'fy nhestun'), mine);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    remote.getText('t').insert(0, 'theirs ');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'provider');
    undo.undo();
    expect(text.toString()).toBe('theirs ');
    undo.redo();
    expect(text.toString()).toBe('theirs fy nhestun');
  });

  it('C31: Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo', () => {
    const key = (k: string, extra: Partial<KeyboardEvent> = {}) => historyKey({ key: k, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...extra });
    expect(key('z')).toBe('undo');
    expect(key('Z', { shiftKey: true })).toBe('redo');
    expect(key('y')).toBe('redo');
    expect(key('z', { ctrlKey: false })).toBeNull();
    expect(key('z', { altKey: true })).toBeNull();
  });
});
