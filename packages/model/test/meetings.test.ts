import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialise } from '../src/docs/migrations';
import { draftAgenda, meetingParts, meetings } from '../src/docs/meetings';
import { workspace } from '../src/docs/workspace';
import { flaggedActionsFor } from '../src/rules/actionFlags';

function newWorkspace(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'workspace', { title: 'Gweithle' });
  return doc;
}

/** Two replicas that exchange every update at once, as two open browsers do. */
function pair(): [Y.Doc, Y.Doc] {
  const a = newWorkspace();
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return [a, b];
}

let n = 0;
const id = () => `id${++n}`;

describe('structured meetings', () => {
  it('D55: a meeting\'s actions are owned by a person with a due date, and their owner finds them (D21)', () => {
    const doc = newWorkspace();
    workspace(doc).addMeeting({ id: 'm1', date: '2027-01-20' });
    const m = meetings(doc);
    m.addAction('m1', { id: 'a1', description: 'Rhannu’r cynllun', ownerPersonId: 'p1', ownerName: 'Elin Davies', due: '2027-02-01', done: false });
    expect(m.actions('m1')).toEqual([{ id: 'a1', description: 'Rhannu’r cynllun', ownerPersonId: 'p1', ownerName: 'Elin Davies', due: '2027-02-01', done: false }]);
    const flagged = flaggedActionsFor([{ id: 'm1', actions: m.actions('m1') }], { personId: 'p1', names: [] }, '2027-02-05');
    expect(flagged.map((f) => [f.action.id, f.flag])).toEqual([['a1', 'overdue']]);
  });

  it('D56: the agenda is drafted from priorities with open work and overdue actions, once each', () => {
    const draft = draftAgenda(
      [
        { id: 'p1', title: 'Llafaredd', actions: [{ id: 'x1', description: 'Arolwg', due: '2027-01-01', done: false }] },
        { id: 'p2', title: 'Rhifedd', actions: [{ id: 'x2', description: 'Wedi gorffen', due: '2026-12-01', done: true }] },
        { id: 'p3', title: 'Lles', actions: [] },
      ],
      [{ id: 'x3', description: 'Anfon nodiadau', due: '2027-01-10', done: false }],
      '2027-01-15',
    );
    expect(draft).toEqual([
      { sourceType: 'priority', sourceId: 'p1', text: 'Llafaredd' },
      { sourceType: 'priority', sourceId: 'p3', text: 'Lles' },
      { sourceType: 'action', sourceId: 'x1', text: 'Arolwg' },
      { sourceType: 'action', sourceId: 'x3', text: 'Anfon nodiadau' },
    ]);
    const [a, b] = pair();
    workspace(a).addMeeting({ id: 'm1', date: '2027-01-20' });
    // Two people drafting at once (offline, then merged): each item shows once.
    const offlineA = new Y.Doc();
    const offlineB = new Y.Doc();
    Y.applyUpdate(offlineA, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(a));
    expect(meetings(offlineA).draftAgendaFor('m1', draft, id)).toBe(4);
    expect(meetings(offlineB).draftAgendaFor('m1', draft, id)).toBe(4);
    Y.applyUpdate(offlineA, Y.encodeStateAsUpdate(offlineB));
    expect(meetings(offlineA).agendaItems('m1').map((i) => i.sourceId)).toEqual(['p1', 'p3', 'x1', 'x3']);
    expect(meetings(offlineA).draftAgendaFor('m1', draft, id)).toBe(0);
    expect(b.getArray('meetingAgenda').length).toBe(0);
  });

  it('D57: a person is present or sent apologies, never both, and can be taken off', () => {
    const doc = newWorkspace();
    workspace(doc).addMeeting({ id: 'm1', date: '2027-01-20' });
    const m = meetings(doc);
    m.setAttendance('m1', { personId: 'p2', name: 'Owain Jones' }, 'present');
    m.setAttendance('m1', { personId: 'p1', name: 'Elin Davies' }, 'present');
    m.setAttendance('m1', { personId: 'p2', name: 'Owain Jones' }, 'apologies');
    expect(m.attendance('m1')).toEqual([
      { personId: 'p1', name: 'Elin Davies', status: 'present' },
      { personId: 'p2', name: 'Owain Jones', status: 'apologies' },
    ]);
    m.setAttendance('m1', { personId: 'p1', name: 'Elin Davies' }, null);
    expect(meetingParts(doc, 'm1')).toMatchObject({ attendees: [], apologies: [{ personId: 'p2', name: 'Owain Jones' }] });
  });

  it('D58: the date, decisions, agenda items and actions are edited and removed; removing a meeting takes its parts with it', () => {
    const doc = newWorkspace();
    workspace(doc).addMeeting({ id: 'm1', date: '2027-01-20' });
    workspace(doc).addMeeting({ id: 'm2', date: '2027-03-01' });
    const m = meetings(doc);
    m.setDate('m1', '2027-01-27');
    m.addDecision('m1', { id: 'd1', text: 'Cytuno ar y ffocws' });
    m.addDecision('m2', { id: 'd2', text: 'Arall' });
    m.decisions('m1')[0]?.text.insert(0, 'Penderfyniad: ');
    m.addAgendaItem('m1', { id: 'g1', text: 'Croeso' });
    m.addAction('m1', { id: 'a1', description: 'Drafft', ownerPersonId: '', ownerName: '', due: '', done: false });
    m.updateAction('m1', 'a1', { description: 'Drafft terfynol', ownerPersonId: 'p1', ownerName: 'Elin Davies', due: '2027-02-10' });
    expect(m.actions('m1')[0]).toMatchObject({ description: 'Drafft terfynol', ownerPersonId: 'p1', due: '2027-02-10' });
    m.setAttendance('m1', { personId: 'p1', name: 'Elin Davies' }, 'present');
    expect(workspace(doc).meetings().find((x) => x.id === 'm1')?.date).toBe('2027-01-27');
    expect(meetingParts(doc, 'm1').decisions).toEqual([{ id: 'd1', text: 'Penderfyniad: Cytuno ar y ffocws' }]);
    m.removeDecision('d1');
    m.removeAgendaItem('g1');
    m.removeAction('m1', 'a1');
    expect(meetingParts(doc, 'm1')).toMatchObject({ decisions: [], agendaItems: [] });
    expect(m.actions('m1')).toEqual([]);
    m.addDecision('m1', { id: 'd3', text: 'Eto' });
    m.remove('m1');
    expect(workspace(doc).meetings().map((x) => x.id)).toEqual(['m2']);
    expect(meetingParts(doc, 'm1')).toEqual({ attendees: [], apologies: [], agendaItems: [], decisions: [] });
    expect(meetingParts(doc, 'm2').decisions).toEqual([{ id: 'd2', text: 'Arall' }]);
  });

  it('D59: two people editing the same meeting at once converge, each part kept', () => {
    const [a, b] = pair();
    workspace(a).addMeeting({ id: 'm1', date: '2027-01-20' });
    const offlineB = new Y.Doc();
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(b));
    // A adds an attendee, a decision and an action; B, at the same time, records apologies,
    // types in the same decision A added once it arrives, and adds its own action.
    meetings(a).setAttendance('m1', { personId: 'p1', name: 'Elin Davies' }, 'present');
    meetings(a).addDecision('m1', { id: 'd1', text: 'Cytuno' });
    meetings(offlineB).setAttendance('m1', { personId: 'p2', name: 'Owain Jones' }, 'apologies');
    meetings(offlineB).addAction('m1', { id: 'a2', description: 'Ail', ownerPersonId: 'p2', ownerName: 'Owain Jones', due: '2027-02-01', done: false });
    meetings(a).addAction('m1', { id: 'a1', description: 'Cyntaf', ownerPersonId: 'p1', ownerName: 'Elin Davies', due: '2027-02-01', done: false });
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offlineB));
    meetings(a).decisions('m1')[0]?.text.insert(7, ' ar y ffocws');
    meetings(offlineB).decisions('m1')[0]?.text.insert(0, 'Rydym yn ');
    Y.applyUpdate(offlineB, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(offlineB));
    expect(meetingParts(a, 'm1')).toEqual(meetingParts(offlineB, 'm1'));
    expect(meetingParts(a, 'm1').decisions[0]?.text).toBe('Rydym yn Cytuno ar y ffocws');
    expect(meetingParts(a, 'm1').attendees.map((p) => p.personId)).toEqual(['p1']);
    expect(meetingParts(a, 'm1').apologies.map((p) => p.personId)).toEqual(['p2']);
    expect(meetings(a).actions('m1').map((x) => x.id).sort()).toEqual(['a1', 'a2']);
    expect(meetings(a).actions('m1')).toEqual(meetings(offlineB).actions('m1'));
  });
});
