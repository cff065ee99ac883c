import * as Y from 'yjs';
import { areaOr, type Area } from '../domain/improvement';
import { child, patchMap, prelimMap, readMeta, removeById, str } from './meta';
import { meetingParts } from './meetings';
import { richTextToJson, type RichNode } from './richText';

/**
 * D6 layout of a collaborative's workspace:
 *   priorities: root Y.Array of Y.Map { id, title: Y.Text, area, successCriteria: Y.Text,
 *     actions: Y.Array of Y.Map { id, description, ownerName, due, done }, support: Y.Text }
 *   meetings: root Y.Array of Y.Map { id, date, agenda: Y.Text, notes: Y.XmlFragment,
 *     actions: Y.Array of Y.Map (as above) }
 * Whether a priority is agreed is not here: any editor could set a field (G1). It is the
 * collaborative's record on the server; a `status` key left by older versions is ignored.
 */

export interface ActionItem {
  id: string;
  description: string;
  /** A member of staff or a role, by name. */
  ownerName: string;
  /** ISO date, or '' when not set. */
  due: string;
  done: boolean;
}

export interface PriorityView {
  id: string;
  area: Area;
  title: Y.Text;
  successCriteria: Y.Text;
  support: Y.Text;
  actions: Y.Array<Y.Map<unknown>>;
  map: Y.Map<unknown>;
}

export interface MeetingView {
  id: string;
  date: string;
  agenda: Y.Text;
  notes: Y.XmlFragment;
  actions: Y.Array<Y.Map<unknown>>;
}

function readAction(m: Y.Map<unknown>): ActionItem {
  return { id: str(m, 'id'), description: str(m, 'description'), ownerName: str(m, 'ownerName'), due: str(m, 'due'), done: m.get('done') === true };
}

function viewPriority(m: Y.Map<unknown>): PriorityView {
  return {
    id: str(m, 'id'),
    area: areaOr(m.get('area')),
    title: child(m, 'title', Y.Text),
    successCriteria: child(m, 'successCriteria', Y.Text),
    support: child(m, 'support', Y.Text),
    actions: child(m, 'actions', Y.Array<Y.Map<unknown>>),
    map: m,
  };
}

function viewMeeting(m: Y.Map<unknown>): MeetingView {
  return {
    id: str(m, 'id'),
    date: str(m, 'date'),
    agenda: child(m, 'agenda', Y.Text),
    notes: child(m, 'notes', Y.XmlFragment),
    actions: child(m, 'actions', Y.Array<Y.Map<unknown>>),
  };
}

export interface NewPriority {
  id: string;
  area: Area;
  title: string;
  successCriteria?: string;
  support?: string;
  actions?: ActionItem[];
}

export function workspace(doc: Y.Doc) {
  const priorities = doc.getArray<Y.Map<unknown>>('priorities');
  const meetings = doc.getArray<Y.Map<unknown>>('meetings');
  const findIn = <T>(arr: Y.Array<Y.Map<unknown>>, id: string, view: (m: Y.Map<unknown>) => T): T => {
    const m = arr.toArray().find((x) => x.get('id') === id);
    if (m === undefined) throw new Error(`workspace: no item ${id}`);
    return view(m);
  };
  return {
    meta: () => readMeta(doc),
    priorities: (): PriorityView[] => priorities.toArray().map(viewPriority),
    priority: (id: string): PriorityView => findIn(priorities, id, viewPriority),
    addPriority(p: NewPriority): PriorityView {
      priorities.push([
        prelimMap({
          id: p.id,
          area: p.area,
          title: new Y.Text(p.title),
          successCriteria: new Y.Text(p.successCriteria ?? ''),
          support: new Y.Text(p.support ?? ''),
          actions: Y.Array.from((p.actions ?? []).map((a) => prelimMap({ ...a }))),
        }),
      ]);
      return findIn(priorities, p.id, viewPriority);
    },
    setArea(priorityId: string, area: Area): void {
      findIn(priorities, priorityId, viewPriority).map.set('area', area);
    },
    addAction(target: Y.Array<Y.Map<unknown>>, action: ActionItem): void {
      target.push([prelimMap({ ...action })]);
    },
    setActionDone(target: Y.Array<Y.Map<unknown>>, actionId: string, done: boolean): void {
      target.toArray().find((m) => m.get('id') === actionId)?.set('done', done);
    },
    /** D46: changes what an action says; only the fields given, each its own key, so two people changing different fields both keep theirs. */
    updateAction(target: Y.Array<Y.Map<unknown>>, actionId: string, patch: Partial<Omit<ActionItem, 'id'>>): void {
      patchMap(target.toArray().find((x) => x.get('id') === actionId), patch);
    },
    /** D46: removes an action by id; nothing happens when someone else removed it first. */
    removeAction(target: Y.Array<Y.Map<unknown>>, actionId: string): void {
      removeById(target, actionId);
    },
    /** D46: removes a shared priority with its actions; by id, so a concurrent insertion never shifts it onto another. */
    removePriority(priorityId: string): void {
      removeById(priorities, priorityId);
    },
    meetings: (): MeetingView[] => meetings.toArray().map(viewMeeting),
    addMeeting(m: { id: string; date: string; agenda?: string }): MeetingView {
      meetings.push([
        prelimMap({ id: m.id, date: m.date, agenda: new Y.Text(m.agenda ?? ''), notes: new Y.XmlFragment(), actions: new Y.Array<Y.Map<unknown>>() }),
      ]);
      return findIn(meetings, m.id, viewMeeting);
    },
  };
}

export const readActions = (arr: Y.Array<Y.Map<unknown>>): ActionItem[] => arr.toArray().map(readAction);

export interface WorkspaceJson {
  kind: 'workspace';
  schemaVersion: number;
  title: string;
  priorities: { id: string; area: Area; title: string; successCriteria: string; support: string; actions: ActionItem[] }[];
  meetings: ({ id: string; date: string; agenda: string; notes: RichNode[]; actions: ActionItem[] } & ReturnType<typeof meetingParts>)[];
}

export function workspaceToJson(doc: Y.Doc): WorkspaceJson {
  const meta = readMeta(doc);
  const ws = workspace(doc);
  return {
    kind: 'workspace',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    priorities: ws.priorities().map((p) => ({
      id: p.id,
      area: p.area,
      title: p.title.toString(),
      successCriteria: p.successCriteria.toString(),
      support: p.support.toString(),
      actions: readActions(p.actions),
    })),
    meetings: ws.meetings().map((m) => ({ id: m.id, date: m.date, agenda: m.agenda.toString(), notes: richTextToJson(m.notes), actions: readActions(m.actions), ...meetingParts(doc, m.id) })),
  };
}
