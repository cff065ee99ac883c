import * as Y from 'yjs';
import {
  consultationGroups, criterionStatuses, lastYearOutcomes, planFindingTypes,
  type DevelopmentPlanState, type PlanPriority,
} from '../domain/plan';
import { supportSources } from '../domain/improvement';
import { areaOr } from '../domain/improvement';
import { developmentPlan, viewPlanPriority } from './developmentPlan';
import { prelimMap, readMeta, str } from './meta';
import {
  newActionMap, newConsultationMap, newCriterionMap, newFindingMap, newHolidayMap, newLastYearMap, newMilestoneMap,
  newSection, newSupportMap,
} from './planLayout';
import { richTextToJson, setRichText, type RichNode } from './richText';

const text = (m: Y.Map<unknown>, key: string): string => {
  const v = m.get(key);
  return v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '';
};
const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T => ((values as readonly unknown[]).includes(v) ? (v as T) : fallback);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(v, 365) : 0);
const date = (v: unknown): string => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
const items = (array: unknown): Y.Map<unknown>[] => (array instanceof Y.Array ? (array.toArray() as unknown[]).filter((m): m is Y.Map<unknown> => m instanceof Y.Map) : []);

function priorityToJson(m: Y.Map<unknown>): PlanPriority {
  const p = viewPlanPriority(m);
  return {
    id: p.id,
    area: p.area,
    title: text(m, 'title'),
    outcomes: text(m, 'outcomes'),
    criteria: items(m.get('criteria')).map((c) => ({ id: str(c, 'id'), text: text(c, 'text'), status: oneOf(criterionStatuses, c.get('status'), 'not-started') })),
    actions: items(m.get('actions')).map((a) => ({
      id: str(a, 'id'), description: text(a, 'description'), ownerName: str(a, 'ownerName'), ownerPersonId: str(a, 'ownerPersonId'), due: date(a.get('due')), done: a.get('done') === true,
    })),
    milestones: items(m.get('milestones')).map((x) => ({ id: str(x, 'id'), description: text(x, 'description'), due: date(x.get('due')), reached: x.get('reached') === true })),
    resources: text(m, 'resources'),
    monitoring: text(m, 'monitoring'),
    support: items(m.get('support')).map((s) => ({
      id: str(s, 'id'), source: oneOf(supportSources, s.get('source'), 'la'), provider: str(s, 'provider'), description: text(s, 'description'), days: num(s.get('days')),
    })),
    yearTwo: text(m, 'yearTwo'),
    yearThree: text(m, 'yearThree'),
    carriedFrom: str(m, 'carriedFrom'),
    fromDocId: str(m, 'fromDocId'),
    fromFindingId: str(m, 'fromFindingId'),
  };
}

/** D17: the plan as plain JSON, in the school's section order; the state the governors approve. */
export function developmentPlanToJson(doc: Y.Doc): DevelopmentPlanState {
  const meta = readMeta(doc);
  const plan = developmentPlan(doc);
  const { roots } = plan;
  return {
    kind: 'development-plan',
    schemaVersion: meta?.schemaVersion ?? 0,
    title: meta?.title ?? '',
    schoolId: plan.schoolId(),
    academicYear: plan.academicYear(),
    previousPlanId: plan.previousPlanId(),
    sections: plan.sections().map((s) => ({ id: s.id, kind: s.kind, template: s.template, heading: s.heading.toString(), body: richTextToJson(s.body) })),
    priorities: roots.priorities.toArray().map(priorityToJson),
    consultations: roots.consultations.toArray().map((c) => ({ id: str(c, 'id'), date: date(c.get('date')), group: oneOf(consultationGroups, c.get('group'), 'staff'), summary: text(c, 'summary') })),
    lastYear: roots.lastYear.toArray().map((l) => ({ id: str(l, 'id'), priorityId: str(l, 'priorityId'), title: text(l, 'title'), outcome: oneOf(lastYearOutcomes, l.get('outcome'), 'partly-met'), reasons: text(l, 'reasons') })),
    findings: roots.findings.toArray().map((f) => {
      return {
        id: str(f, 'id'), type: oneOf(planFindingTypes, f.get('type'), 'strength'), area: areaOr(f.get('area')),
        text: text(f, 'text'), fromDocId: str(f, 'fromDocId'), fromFindingId: str(f, 'fromFindingId'),
      };
    }),
    calendar: {
      inspectionReportDate: date(roots.calendar.get('inspectionReportDate')),
      holidays: roots.holidays.toArray().flatMap((h) => {
        const from = date(h.get('from'));
        const to = date(h.get('to'));
        return from && to ? [{ id: str(h, 'id'), from, to, label: str(h, 'label') }] : [];
      }),
    },
  };
}

function fillPriority(p: PlanPriority): Y.Map<unknown> {
  // Built whole before insertion (D2): a prelim map cannot be read back until it is integrated.
  return prelimMap({
    id: p.id,
    area: p.area,
    title: new Y.Text(p.title),
    outcomes: new Y.Text(p.outcomes),
    criteria: Y.Array.from(p.criteria.map(newCriterionMap)),
    actions: Y.Array.from(p.actions.map(newActionMap)),
    milestones: Y.Array.from(p.milestones.map(newMilestoneMap)),
    resources: new Y.Text(p.resources),
    monitoring: new Y.Text(p.monitoring),
    support: Y.Array.from(p.support.map(newSupportMap)),
    yearTwo: new Y.Text(p.yearTwo),
    yearThree: new Y.Text(p.yearThree),
    carriedFrom: p.carriedFrom,
    fromDocId: p.fromDocId,
    fromFindingId: p.fromFindingId,
  });
}

/**
 * D18: writes an agreed plan state into the live plan, as one new edit ("restore as a new
 * draft"). The live document keeps its history and its id; what was there is replaced.
 */
export function restoreDevelopmentPlan(doc: Y.Doc, state: DevelopmentPlanState): void {
  const { roots } = developmentPlan(doc);
  doc.transact(() => {
    for (const key of [...roots.sections.keys()]) roots.sections.delete(key);
    roots.order.delete(0, roots.order.length);
    for (const s of state.sections) {
      const m = newSection(s.id, s.template, s.kind, s.heading);
      roots.sections.set(s.id, m);
      setRichText(m.get('body') as Y.XmlFragment, s.body as RichNode[]);
    }
    roots.order.push(state.sections.map((s) => s.id));
    const replace = (array: Y.Array<Y.Map<unknown>>, maps: Y.Map<unknown>[]): void => {
      array.delete(0, array.length);
      array.push(maps);
    };
    replace(roots.priorities, state.priorities.map(fillPriority));
    replace(roots.consultations, state.consultations.map(newConsultationMap));
    replace(roots.lastYear, state.lastYear.map(newLastYearMap));
    replace(roots.findings, state.findings.map(newFindingMap));
    replace(roots.holidays, state.calendar.holidays.map(newHolidayMap));
    roots.calendar.set('inspectionReportDate', state.calendar.inspectionReportDate);
  }, 'restore');
}
