import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workspace } from '@cydweithio/model/docs/workspace';
import { selfEvaluation } from '@cydweithio/model/docs/selfEvaluation';
import { createItemHistory } from '../src/bindings/createItemHistory';

/** Two replicas wired as the socket would: what one writes reaches the other with a remote origin. */
function twoPeers(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  return [a, b];
}

function actionsOf(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>('actions');
}

function seedActions(doc: Y.Doc): void {
  const ws = workspace(doc);
  ws.addAction(actionsOf(doc), { id: 'a1', description: 'Plan the visit', ownerName: 'Ana', due: '2027-01-20', done: false });
  ws.addAction(actionsOf(doc), { id: 'a2', description: 'Share the notes', ownerName: 'Ben', due: '2027-02-01', done: false });
}

const descriptions = (doc: Y.Doc) => actionsOf(doc).toArray().map((m) => `${String(m.get('id'))}:${String(m.get('description'))}`);

describe('item history (C217, D47)', () => {
  it('C217: undo puts back the person’s own removal and keeps the other person’s edit made meanwhile', () => {
    const [ana, ben] = twoPeers();
    seedActions(ana);
    const history = createItemHistory(ana);
    history.change(() => workspace(ana).removeAction(actionsOf(ana), 'a1'));
    expect(descriptions(ben)).toEqual(['a2:Share the notes']);
    // Ben corrects the other action while Ana's removal stands.
    workspace(ben).updateAction(actionsOf(ben), 'a2', { description: 'Share the agreed notes' });
    expect(history.undo()).toBe(true);
    expect(descriptions(ana)).toEqual(['a1:Plan the visit', 'a2:Share the agreed notes']);
    expect(descriptions(ben)).toEqual(descriptions(ana));
  });

  it('C217: a remote person’s removal is never undone by the local person’s Undo', () => {
    const [ana, ben] = twoPeers();
    seedActions(ana);
    const history = createItemHistory(ana);
    workspace(ben).removeAction(actionsOf(ben), 'a2');
    expect(history.canUndo()).toBe(false);
    expect(history.undo()).toBe(false);
    expect(descriptions(ana)).toEqual(['a1:Plan the visit']);
  });

  it('C217: only the last own change is taken back, one step at a time, and edits outside the history stay', () => {
    const [ana] = twoPeers();
    seedActions(ana);
    const history = createItemHistory(ana);
    history.change(() => workspace(ana).updateAction(actionsOf(ana), 'a1', { description: 'Plan the autumn visit' }));
    history.change(() => workspace(ana).removeAction(actionsOf(ana), 'a2'));
    // A change made without the history's origin (a field's own typing) is not its to undo.
    workspace(ana).setActionDone(actionsOf(ana), 'a1', true);
    expect(history.undo()).toBe(true);
    expect(descriptions(ana)).toEqual(['a1:Plan the autumn visit', 'a2:Share the notes']);
    expect(actionsOf(ana).get(0).get('done')).toBe(true);
    expect(history.undo()).toBe(true);
    expect(descriptions(ana)).toEqual(['a1:Plan the visit', 'a2:Share the notes']);
  });

  it('C217: an area removed with its evidence comes back whole on both replicas', () => {
    const [ana, ben] = twoPeers();
    const se = selfEvaluation(ana);
    se.addSection('s1', 'learning-and-teaching');
    se.addEvidence('s1', { id: 'e1', kind: 'seeing-learning', description: 'Learning walk in year 4', addedBy: 'ana', addedAt: '2026-12-02T10:00:00Z' });
    const history = createItemHistory(ana);
    history.change(() => selfEvaluation(ana).removeSection('s1'));
    expect(selfEvaluation(ben).sections()).toHaveLength(0);
    history.undo();
    const back = selfEvaluation(ben).sections();
    expect(back.map((s) => s.id)).toEqual(['s1']);
    expect(back[0]?.evidenceArray.toArray().map((e) => e.get('description'))).toEqual(['Learning walk in year 4']);
  });
});
