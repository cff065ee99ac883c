import * as Y from 'yjs';
import { actionFlag } from '../rules/actionFlags';
import { prelimMap, str } from './meta';

/**
 * D55-D59: a workspace's meetings, structured. Each meeting keeps its D6 map (id, date, agenda
 * text, notes, actions); what a meeting gained since lives in three root types keyed by the
 * meeting's id, so a meeting made by an older client gets them too without anyone creating a
 * nested container on it (two peers doing that at once would each make one and lose one, D2):
 *   meetingAttendance: root Y.Map `<meetingId> <personId>` -> { personId, name, status }
 *   meetingAgenda: root Y.Array of Y.Map { id, meetingId, text: Y.Text, sourceType, sourceId }
 *   meetingDecisions: root Y.Array of Y.Map { id, meetingId, text: Y.Text }
 * A meeting's actions (its D6 `actions`) carry `ownerPersonId` and `ownerName`: the person who
 * owns one, so they can be reminded (D21 finds them by account).
 */

export type AttendanceStatus = 'present' | 'apologies';
export interface Attendee { personId: string; name: string; status: AttendanceStatus }
export interface AgendaItem { id: string; text: Y.Text; sourceType: '' | 'priority' | 'action'; sourceId: string; map: Y.Map<unknown> }
export interface Decision { id: string; text: Y.Text; map: Y.Map<unknown> }
export interface MeetingAction { id: string; description: string; ownerPersonId: string; ownerName: string; due: string; done: boolean }
export interface AgendaDraftItem { sourceType: 'priority' | 'action'; sourceId: string; text: string }

const attendanceKey = (meetingId: string, personId: string) => `${meetingId} ${personId}`;

function readAttendee(value: unknown): Attendee | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v['personId'] !== 'string' || typeof v['name'] !== 'string') return null;
  return { personId: v['personId'], name: v['name'], status: v['status'] === 'apologies' ? 'apologies' : 'present' };
}

function readMeetingAction(m: Y.Map<unknown>): MeetingAction {
  return { id: str(m, 'id'), description: str(m, 'description'), ownerPersonId: str(m, 'ownerPersonId'), ownerName: str(m, 'ownerName'), due: str(m, 'due'), done: m.get('done') === true };
}

/**
 * D56: the agenda a meeting starts from: one item per shared priority that still has work open
 * (no actions yet, or an action not done), then one per overdue action (D21) of the priorities
 * and of earlier meetings, in the workspace's order. Pure over plain values.
 */
export function draftAgenda(
  priorities: readonly { id: string; title: string; actions: readonly { id: string; description: string; due: string; done: boolean }[] }[],
  meetingActions: readonly { id: string; description: string; due: string; done: boolean }[],
  today: string,
): AgendaDraftItem[] {
  const open = priorities.filter((p) => p.title.trim() !== '' && (p.actions.length === 0 || p.actions.some((a) => !a.done)));
  const overdue = [...priorities.flatMap((p) => p.actions), ...meetingActions].filter((a) => actionFlag(a, today) === 'overdue');
  return [
    ...open.map((p) => ({ sourceType: 'priority' as const, sourceId: p.id, text: p.title.trim() })),
    ...overdue.map((a) => ({ sourceType: 'action' as const, sourceId: a.id, text: a.description.trim() })),
  ];
}

export function meetings(doc: Y.Doc) {
  const all = doc.getArray<Y.Map<unknown>>('meetings');
  const attendance = doc.getMap<unknown>('meetingAttendance');
  const agenda = doc.getArray<Y.Map<unknown>>('meetingAgenda');
  const decisions = doc.getArray<Y.Map<unknown>>('meetingDecisions');
  const meeting = (id: string): Y.Map<unknown> | undefined => all.toArray().find((m) => m.get('id') === id);
  const actionsOf = (id: string): Y.Array<Y.Map<unknown>> | undefined => {
    const actions = meeting(id)?.get('actions');
    return actions instanceof Y.Array ? (actions as Y.Array<Y.Map<unknown>>) : undefined;
  };
  const removeWhere = (arr: Y.Array<Y.Map<unknown>>, keep: (m: Y.Map<unknown>) => boolean) => {
    // From the end, so each index still points at the item it was read for.
    arr.toArray().forEach((m, i, list) => {
      const index = list.length - 1 - i;
      const item = list[index];
      if (item && !keep(item)) arr.delete(index, 1);
    });
  };
  return {
    /** D58: the date is edited in place. */
    setDate(meetingId: string, date: string): void {
      meeting(meetingId)?.set('date', date);
    },
    /** D58: removing a meeting removes its attendance, agenda items and decisions with it. */
    remove(meetingId: string): void {
      doc.transact(() => {
        removeWhere(all, (m) => m.get('id') !== meetingId);
        removeWhere(agenda, (m) => m.get('meetingId') !== meetingId);
        removeWhere(decisions, (m) => m.get('meetingId') !== meetingId);
        for (const key of [...attendance.keys()]) if (key.startsWith(`${meetingId} `)) attendance.delete(key);
      });
    },
    /** D57: a person is present or sent apologies, never both; null takes them off. */
    setAttendance(meetingId: string, person: { personId: string; name: string }, status: AttendanceStatus | null): void {
      const key = attendanceKey(meetingId, person.personId);
      if (status === null) attendance.delete(key);
      else attendance.set(key, { personId: person.personId, name: person.name, status });
    },
    /** Everyone recorded for the meeting, by name. */
    attendance(meetingId: string): Attendee[] {
      return [...attendance.entries()].flatMap(([key, value]) => {
        if (!key.startsWith(`${meetingId} `)) return [];
        const attendee = readAttendee(value);
        return attendee ? [attendee] : [];
      }).sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
    },
    addAgendaItem(meetingId: string, item: { id: string; text: string; sourceType?: 'priority' | 'action'; sourceId?: string }): void {
      agenda.push([prelimMap({ id: item.id, meetingId, text: new Y.Text(item.text), sourceType: item.sourceType ?? '', sourceId: item.sourceId ?? '' })]);
    },
    /**
     * The meeting's agenda items in order. An item drafted from the same priority or action twice
     * (two people drafting at once) is shown once: the first.
     */
    agendaItems(meetingId: string): AgendaItem[] {
      const seen = new Set<string>();
      return agenda.toArray().flatMap((m) => {
        if (m.get('meetingId') !== meetingId) return [];
        const sourceType = m.get('sourceType') === 'priority' || m.get('sourceType') === 'action' ? (m.get('sourceType') as 'priority' | 'action') : '';
        const sourceId = str(m, 'sourceId');
        if (sourceType !== '') {
          const key = `${sourceType}:${sourceId}`;
          if (seen.has(key)) return [];
          seen.add(key);
        }
        const text = m.get('text');
        return text instanceof Y.Text ? [{ id: str(m, 'id'), text, sourceType, sourceId, map: m }] : [];
      });
    },
    /** D56: adds the drafted items the meeting's agenda does not hold yet; returns how many. */
    draftAgendaFor(meetingId: string, draft: readonly AgendaDraftItem[], newId: () => string): number {
      const have = new Set(this.agendaItems(meetingId).map((i) => `${i.sourceType}:${i.sourceId}`));
      const missing = draft.filter((d) => !have.has(`${d.sourceType}:${d.sourceId}`));
      doc.transact(() => {
        for (const item of missing) this.addAgendaItem(meetingId, { id: newId(), text: item.text, sourceType: item.sourceType, sourceId: item.sourceId });
      });
      return missing.length;
    },
    removeAgendaItem(itemId: string): void {
      removeWhere(agenda, (m) => m.get('id') !== itemId);
    },
    addDecision(meetingId: string, decision: { id: string; text: string }): void {
      decisions.push([prelimMap({ id: decision.id, meetingId, text: new Y.Text(decision.text) })]);
    },
    decisions(meetingId: string): Decision[] {
      return decisions.toArray().flatMap((m) => {
        const text = m.get('text');
        return m.get('meetingId') === meetingId && text instanceof Y.Text ? [{ id: str(m, 'id'), text, map: m }] : [];
      });
    },
    removeDecision(decisionId: string): void {
      removeWhere(decisions, (m) => m.get('id') !== decisionId);
    },
    /** D55: a meeting's action, owned by a person (by account) with a due date. */
    addAction(meetingId: string, action: MeetingAction): void {
      actionsOf(meetingId)?.push([prelimMap({ ...action })]);
    },
    actions(meetingId: string): MeetingAction[] {
      return (actionsOf(meetingId)?.toArray() ?? []).map(readMeetingAction);
    },
    /** D58: each field of an action is edited in place (the last writer of a field wins). */
    updateAction(meetingId: string, actionId: string, patch: Partial<Omit<MeetingAction, 'id'>>): void {
      const m = actionsOf(meetingId)?.toArray().find((a) => a.get('id') === actionId);
      if (!m) return;
      doc.transact(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) m.set(key, value);
      });
    },
    removeAction(meetingId: string, actionId: string): void {
      const actions = actionsOf(meetingId);
      if (actions) removeWhere(actions, (m) => m.get('id') !== actionId);
    },
  };
}

/** D59: a meeting's structured parts as plain JSON (the export and toPlainJson read these). */
export function meetingParts(doc: Y.Doc, meetingId: string) {
  const m = meetings(doc);
  const people = m.attendance(meetingId);
  return {
    attendees: people.filter((p) => p.status === 'present').map(({ personId, name }) => ({ personId, name })),
    apologies: people.filter((p) => p.status === 'apologies').map(({ personId, name }) => ({ personId, name })),
    agendaItems: m.agendaItems(meetingId).map((i) => ({ id: i.id, text: i.text.toString(), sourceType: i.sourceType, sourceId: i.sourceId })),
    decisions: m.decisions(meetingId).map((d) => ({ id: d.id, text: d.text.toString() })),
  };
}
