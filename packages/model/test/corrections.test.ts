import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialise } from '../src/docs/migrations';
import { peerReview } from '../src/docs/peerReview';
import { selfEvaluation } from '../src/docs/selfEvaluation';
import { readActions, workspace } from '../src/docs/workspace';
import { DocumentTitles, primaryTitle, titleIn, titlesOf } from '../src/domain/documentTitles';

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function replica(of: Y.Doc): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(of));
  return d;
}

function workspaceWithTwoActions(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'workspace', { title: 'Gofod' });
  workspace(doc).addPriority({
    id: 'p1', area: 'curriculum', title: 'Darllen',
    actions: [
      { id: 'a1', description: 'Arsylwi gwersi', ownerName: 'Pennaeth', due: '2027-01-20', done: false },
      { id: 'a2', description: 'Cyfarfod rhieni', ownerName: '', due: '', done: false },
    ],
  });
  workspace(doc).addPriority({ id: 'p2', area: 'well-being', title: 'Lles' });
  return doc;
}

describe('correcting what people wrote (D45-D48)', () => {
  it('D45: a title in one language or both; never none, never a bidi control, at most 200 characters; Welsh first', () => {
    expect(DocumentTitles.parse({ cy: '  Hunanwerthuso 2026 ', en: '' })).toEqual({ cy: 'Hunanwerthuso 2026', en: '' });
    expect(DocumentTitles.safeParse({ cy: ' ', en: '' }).success).toBe(false);
    expect(DocumentTitles.safeParse({ cy: 'Adolygiad\u202Efdp.exe', en: 'Review' }).success).toBe(false);
    expect(DocumentTitles.safeParse({ cy: 'a'.repeat(201), en: '' }).success).toBe(false);
    const both = { cy: 'Hunanwerthuso', en: 'Self-evaluation' };
    expect(primaryTitle(both)).toBe('Hunanwerthuso');
    expect(primaryTitle({ cy: '', en: 'Self-evaluation' })).toBe('Self-evaluation');
    expect(titleIn(both, 'en')).toBe('Self-evaluation');
    expect(titleIn({ cy: 'Hunanwerthuso', en: '' }, 'en')).toBe('Hunanwerthuso');
    expect(titlesOf({ title: 'Hen deitl' })).toEqual({ cy: 'Hen deitl', en: '' });
  });

  it('D46: actions, priorities, areas, evidence and participants are corrected and removed by id; a missing id changes nothing', () => {
    const doc = workspaceWithTwoActions();
    const ws = workspace(doc);
    const actions = ws.priority('p1').actions;
    ws.updateAction(actions, 'a1', { description: 'Arsylwi gwersi darllen', due: '2027-02-03' });
    expect(readActions(actions)[0]).toEqual({ id: 'a1', description: 'Arsylwi gwersi darllen', ownerName: 'Pennaeth', due: '2027-02-03', done: false });
    ws.removeAction(actions, 'a2');
    ws.removeAction(actions, 'gone');
    ws.updateAction(actions, 'gone', { description: 'x' });
    expect(readActions(actions).map((a) => a.id)).toEqual(['a1']);
    ws.removePriority('p1');
    expect(ws.priorities().map((p) => p.id)).toEqual(['p2']);

    const se = new Y.Doc();
    initialise(se, 'self-evaluation', { title: 'Hunanwerthuso' });
    const s = selfEvaluation(se);
    s.addEvidence('curriculum', { id: 'e1', kind: 'information', description: 'Arolwg', addedBy: 'p1', addedAt: '2026-12-01T09:00:00Z' });
    s.updateEvidence('curriculum', 'e1', { kind: 'listening-to-learners', description: 'Llais y disgybl' });
    expect(s.section('curriculum').evidence()[0]).toMatchObject({ id: 'e1', kind: 'listening-to-learners', description: 'Llais y disgybl', addedBy: 'p1' });
    s.removeEvidence('curriculum', 'e1');
    expect(s.section('curriculum').evidence()).toEqual([]);
    s.removeSection('well-being');
    expect(s.sections().map((x) => x.area)).not.toContain('well-being');

    const pr = new Y.Doc();
    initialise(pr, 'peer-review', { title: 'Adolygiad', hostSchoolId: '6742001' });
    const review = peerReview(pr);
    review.addParticipant({ personId: 'p-r', name: 'Ana', schoolName: 'Ysgol Y', role: 'reviewer' });
    review.updateParticipant('p-r', { name: 'Ana Jones', schoolName: 'Ysgol Y Cwm' });
    expect(review.participants()).toEqual([{ personId: 'p-r', name: 'Ana Jones', schoolName: 'Ysgol Y Cwm', role: 'reviewer' }]);
    review.removeParticipant('p-r');
    expect(review.participants()).toEqual([]);
  });

  it('D47: a removal made under a person\'s own origin is undone by their UndoManager with everything inside it; the other person\'s edits stay', () => {
    const a = workspaceWithTwoActions();
    const b = replica(a);
    const mine = { person: 'a' };
    const undo = new Y.UndoManager([a.getArray('priorities')], { trackedOrigins: new Set([mine]), captureTimeout: 0 });
    a.transact(() => workspace(a).removePriority('p1'), mine);
    workspace(b).priority('p2').title.insert(4, ' staff');
    sync(a, b);
    expect(workspace(b).priorities().map((p) => p.id)).toEqual(['p2']);
    undo.undo();
    sync(a, b);
    for (const doc of [a, b]) {
      const ws = workspace(doc);
      expect(ws.priorities().map((p) => p.id).sort()).toEqual(['p1', 'p2']);
      expect(ws.priority('p1').title.toString()).toBe('Darllen');
      expect(readActions(ws.priority('p1').actions).map((x) => x.description)).toEqual(['Arsylwi gwersi', 'Cyfarfod rhieni']);
      expect(ws.priority('p2').title.toString()).toBe('Lles staff');
    }
    // An edit made with another origin (someone else's, or typing) is not in this person's history.
    workspace(a).updateAction(workspace(a).priority('p1').actions, 'a1', { ownerName: 'Dirprwy' });
    expect(undo.undoStack.length).toBe(0);
  });

  it('D48: one person edits an action while another removes a different one, offline, and both replicas converge on both changes', () => {
    const a = workspaceWithTwoActions();
    const b = replica(a);
    workspace(a).updateAction(workspace(a).priority('p1').actions, 'a1', { description: 'Arsylwi gwersi mathemateg', done: true });
    workspace(b).removeAction(workspace(b).priority('p1').actions, 'a2');
    sync(a, b);
    expect(readActions(workspace(a).priority('p1').actions)).toEqual(readActions(workspace(b).priority('p1').actions));
    expect(readActions(workspace(a).priority('p1').actions)).toEqual([{ id: 'a1', description: 'Arsylwi gwersi mathemateg', ownerName: 'Pennaeth', due: '2027-01-20', done: true }]);
    // Removing what the other is editing: the removal wins on both, and nothing is left half there.
    const c = replica(a);
    workspace(a).updateAction(workspace(a).priority('p1').actions, 'a1', { ownerName: 'Dirprwy' });
    workspace(c).removeAction(workspace(c).priority('p1').actions, 'a1');
    sync(a, c);
    expect(readActions(workspace(a).priority('p1').actions)).toEqual([]);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(c));
  });
});
