import * as Y from 'yjs';
import { areaOr, type Area } from '../domain/improvement';
import { planSectionKinds, type PlanSectionKind, type PlanSectionTemplate } from '../domain/plan';
import { child, metaMap, readMeta, str } from './meta';
import {
  newActionMap, newConsultationMap, newCriterionMap, newFindingMap, newHolidayMap, newLastYearMap, newMilestoneMap,
  newPriorityMap, newSection, newSupportMap, planRoots, type NewPlanPriority,
} from './planLayout';

export interface PlanSectionView {
  id: string;
  kind: PlanSectionKind;
  template: PlanSectionTemplate;
  heading: Y.Text;
  body: Y.XmlFragment;
  map: Y.Map<unknown>;
}

export interface PlanPriorityView {
  id: string;
  area: Area;
  map: Y.Map<unknown>;
  text(key: 'title' | 'outcomes' | 'resources' | 'monitoring' | 'yearTwo' | 'yearThree'): Y.Text;
  list(key: 'criteria' | 'actions' | 'milestones' | 'support'): Y.Array<Y.Map<unknown>>;
}

function viewSection(map: Y.Map<unknown>): PlanSectionView {
  const kind = map.get('kind');
  return {
    id: str(map, 'id'),
    kind: (planSectionKinds as readonly unknown[]).includes(kind) ? (kind as PlanSectionKind) : 'text',
    template: (str(map, 'template') || 'custom') as PlanSectionTemplate,
    heading: child(map, 'heading', Y.Text),
    body: child(map, 'body', Y.XmlFragment),
    map,
  };
}

export function viewPlanPriority(map: Y.Map<unknown>): PlanPriorityView {
  return {
    id: str(map, 'id'),
    area: areaOr(map.get('area')),
    map,
    text: (key) => child(map, key, Y.Text),
    list: (key) => child(map, key, Y.Array<Y.Map<unknown>>),
  };
}

/** Index of the item with this id in a Y.Array of Y.Map, or -1. */
export function indexById(array: Y.Array<Y.Map<unknown>>, id: string): number {
  return array.toArray().findIndex((m) => m.get('id') === id);
}

/** Typed access to a development plan Y.Doc (D15, D16). Writes run in one transaction each. */
export function developmentPlan(doc: Y.Doc) {
  const order = doc.getArray<string>(planRoots.sectionOrder);
  const sections = doc.getMap<Y.Map<unknown>>(planRoots.sections);
  const priorities = doc.getArray<Y.Map<unknown>>(planRoots.priorities);
  const tx = (fn: () => void): void => doc.transact(fn);
  const meta = metaMap(doc);

  /** D16: the order, each id once, then any section the order does not list. */
  const orderedIds = (): string[] => {
    const seen = new Set<string>();
    const ids: string[] = [];
    for (const id of order.toArray()) if (sections.has(id) && !seen.has(id)) { seen.add(id); ids.push(id); }
    for (const id of [...sections.keys()].sort()) if (!seen.has(id)) ids.push(id);
    return ids;
  };

  return {
    meta: () => readMeta(doc),
    schoolId: (): string => str(meta, 'schoolId'),
    academicYear: (): number => (typeof meta.get('academicYear') === 'number' ? (meta.get('academicYear') as number) : 0),
    previousPlanId: (): string => str(meta, 'previousPlanId'),
    roots: {
      order, sections, priorities,
      consultations: doc.getArray<Y.Map<unknown>>(planRoots.consultations),
      lastYear: doc.getArray<Y.Map<unknown>>(planRoots.lastYear),
      findings: doc.getArray<Y.Map<unknown>>(planRoots.findings),
      holidays: doc.getArray<Y.Map<unknown>>(planRoots.holidays),
      calendar: doc.getMap<unknown>(planRoots.calendar),
    },
    sections: (): PlanSectionView[] => orderedIds().flatMap((id) => { const m = sections.get(id); return m ? [viewSection(m)] : []; }),
    addSection(id: string, template: PlanSectionTemplate, kind: PlanSectionKind, heading = ''): void {
      tx(() => {
        sections.set(id, newSection(id, template, kind, heading));
        order.push([id]);
      });
    },
    /** Removes a section from the plan. Priorities and records a section shows are kept. */
    removeSection(id: string): void {
      tx(() => {
        sections.delete(id);
        for (let i = order.length - 1; i >= 0; i--) if (order.get(i) === id) order.delete(i, 1);
      });
    },
    /** Moves a section one place up (-1) or down (+1) among the sections shown. */
    moveSection(id: string, by: -1 | 1): void {
      const ids = orderedIds();
      const from = ids.indexOf(id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= ids.length) return;
      ids.splice(from, 1);
      ids.splice(to, 0, id);
      tx(() => {
        order.delete(0, order.length);
        order.insert(0, ids);
      });
    },
    priorities: (): PlanPriorityView[] => priorities.toArray().map(viewPlanPriority),
    priority(id: string): PlanPriorityView {
      const m = priorities.toArray().find((x) => x.get('id') === id);
      if (!m) throw new Error(`development plan: no priority ${id}`);
      return viewPlanPriority(m);
    },
    addPriority(p: NewPlanPriority): PlanPriorityView {
      tx(() => priorities.push([newPriorityMap(p)]));
      return this.priority(p.id);
    },
    removePriority(id: string): void {
      const i = indexById(priorities, id);
      if (i >= 0) priorities.delete(i, 1);
    },
    addCriterion: (priorityId: string, c: Parameters<typeof newCriterionMap>[0]) => viewPlanPriority(findIn(priorities, priorityId)).list('criteria').push([newCriterionMap(c)]),
    addAction: (priorityId: string, a: Parameters<typeof newActionMap>[0]) => viewPlanPriority(findIn(priorities, priorityId)).list('actions').push([newActionMap(a)]),
    addMilestone: (priorityId: string, m: Parameters<typeof newMilestoneMap>[0]) => viewPlanPriority(findIn(priorities, priorityId)).list('milestones').push([newMilestoneMap(m)]),
    addSupport: (priorityId: string, s: Parameters<typeof newSupportMap>[0]) => viewPlanPriority(findIn(priorities, priorityId)).list('support').push([newSupportMap(s)]),
    addConsultation: (c: Parameters<typeof newConsultationMap>[0]) => doc.getArray<Y.Map<unknown>>(planRoots.consultations).push([newConsultationMap(c)]),
    addLastYear: (l: Parameters<typeof newLastYearMap>[0]) => doc.getArray<Y.Map<unknown>>(planRoots.lastYear).push([newLastYearMap(l)]),
    addFinding: (f: Parameters<typeof newFindingMap>[0]) => doc.getArray<Y.Map<unknown>>(planRoots.findings).push([newFindingMap(f)]),
    addHoliday: (h: Parameters<typeof newHolidayMap>[0]) => doc.getArray<Y.Map<unknown>>(planRoots.holidays).push([newHolidayMap(h)]),
    setInspectionReportDate: (date: string) => doc.getMap(planRoots.calendar).set('inspectionReportDate', date),
    /** Removes the item with this id from any of the plan's lists. */
    removeFrom(array: Y.Array<Y.Map<unknown>>, id: string): void {
      const i = indexById(array, id);
      if (i >= 0) array.delete(i, 1);
    },
  };
}

function findIn(array: Y.Array<Y.Map<unknown>>, id: string): Y.Map<unknown> {
  const m = array.toArray().find((x) => x.get('id') === id);
  if (!m) throw new Error(`development plan: no item ${id}`);
  return m;
}
