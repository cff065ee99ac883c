import * as Y from 'yjs';
import type { Area } from '../domain/improvement';
import {
  planSectionTemplates, sectionKindOfTemplate,
  type ConsultationGroup, type CriterionStatus, type LastYearOutcome, type PlanFindingType, type PlanSectionKind, type PlanSectionTemplate,
} from '../domain/plan';
import { prelimMap } from './meta';

/**
 * D15 layout of a School Development Plan (owned by the school):
 *   meta: + schoolId, academicYear (number: 2026 is 2026-27), previousPlanId
 *   sectionOrder: root Y.Array of section ids (strings), the order the school chose
 *   sections: root Y.Map<id, Y.Map { id, kind, template, heading: Y.Text, body: Y.XmlFragment }>
 *   priorities: root Y.Array of Y.Map { id, area, title, outcomes, criteria, actions, milestones,
 *     resources, monitoring, support, yearTwo, yearThree, carriedFrom, fromDocId, fromFindingId }
 *   consultations, lastYear, findings, holidays: root Y.Arrays of Y.Map; calendar: root Y.Map
 * Sections live in a map and their order in a list of ids, so moving a section moves one string:
 * what someone types in it while another moves it is never copied or lost (D16). A section whose
 * id is missing from the order is shown last; an id listed twice is shown once.
 */
export const planRoots = {
  sectionOrder: 'sectionOrder',
  sections: 'sections',
  priorities: 'priorities',
  consultations: 'consultations',
  lastYear: 'lastYear',
  findings: 'findings',
  holidays: 'holidays',
  calendar: 'calendar',
} as const;

export function newSection(id: string, template: PlanSectionTemplate, kind: PlanSectionKind, heading = ''): Y.Map<unknown> {
  return prelimMap({ id, kind, template, heading: new Y.Text(heading), body: new Y.XmlFragment() });
}

export interface NewPlanPriority {
  id: string;
  area: Area;
  title: string;
  outcomes?: string;
  carriedFrom?: string;
  fromDocId?: string;
  fromFindingId?: string;
}

export function newPriorityMap(p: NewPlanPriority): Y.Map<unknown> {
  return prelimMap({
    id: p.id,
    area: p.area,
    title: new Y.Text(p.title),
    outcomes: new Y.Text(p.outcomes ?? ''),
    criteria: new Y.Array<Y.Map<unknown>>(),
    actions: new Y.Array<Y.Map<unknown>>(),
    milestones: new Y.Array<Y.Map<unknown>>(),
    resources: new Y.Text(),
    monitoring: new Y.Text(),
    support: new Y.Array<Y.Map<unknown>>(),
    yearTwo: new Y.Text(),
    yearThree: new Y.Text(),
    carriedFrom: p.carriedFrom ?? '',
    fromDocId: p.fromDocId ?? '',
    fromFindingId: p.fromFindingId ?? '',
  });
}

export const newCriterionMap = (c: { id: string; text: string; status?: CriterionStatus }): Y.Map<unknown> =>
  prelimMap({ id: c.id, text: new Y.Text(c.text), status: c.status ?? 'not-started' });

export const newActionMap = (a: { id: string; description: string; ownerName?: string; ownerPersonId?: string; due?: string; done?: boolean }): Y.Map<unknown> =>
  prelimMap({ id: a.id, description: new Y.Text(a.description), ownerName: a.ownerName ?? '', ownerPersonId: a.ownerPersonId ?? '', due: a.due ?? '', done: a.done ?? false });

export const newMilestoneMap = (m: { id: string; description: string; due?: string; reached?: boolean }): Y.Map<unknown> =>
  prelimMap({ id: m.id, description: new Y.Text(m.description), due: m.due ?? '', reached: m.reached ?? false });

export const newSupportMap = (s: { id: string; source: string; provider?: string; description: string; days?: number }): Y.Map<unknown> =>
  prelimMap({ id: s.id, source: s.source, provider: s.provider ?? '', description: new Y.Text(s.description), days: s.days ?? 0 });

export const newConsultationMap = (c: { id: string; date: string; group: ConsultationGroup; summary: string }): Y.Map<unknown> =>
  prelimMap({ id: c.id, date: c.date, group: c.group, summary: new Y.Text(c.summary) });

export const newLastYearMap = (l: { id: string; priorityId?: string; title: string; outcome: LastYearOutcome; reasons?: string }): Y.Map<unknown> =>
  prelimMap({ id: l.id, priorityId: l.priorityId ?? '', title: new Y.Text(l.title), outcome: l.outcome, reasons: new Y.Text(l.reasons ?? '') });

export const newFindingMap = (f: { id: string; type: PlanFindingType; area: Area; text: string; fromDocId?: string; fromFindingId?: string }): Y.Map<unknown> =>
  prelimMap({ id: f.id, type: f.type, area: f.area, text: new Y.Text(f.text), fromDocId: f.fromDocId ?? '', fromFindingId: f.fromFindingId ?? '' });

export const newHolidayMap = (h: { id: string; from: string; to: string; label?: string }): Y.Map<unknown> =>
  prelimMap({ id: h.id, from: h.from, to: h.to, label: h.label ?? '' });

export interface PlanInit {
  schoolId: string;
  academicYear: number;
  previousPlanId?: string;
}

/** The starting template: every template section, in order, their ids the template names. */
export function initialisePlanLayout(doc: Y.Doc, meta: Y.Map<unknown>, init: PlanInit): void {
  meta.set('schoolId', init.schoolId);
  meta.set('academicYear', init.academicYear);
  meta.set('previousPlanId', init.previousPlanId ?? '');
  const sections = doc.getMap<Y.Map<unknown>>(planRoots.sections);
  for (const template of planSectionTemplates) sections.set(template, newSection(template, template, sectionKindOfTemplate[template]));
  doc.getArray<string>(planRoots.sectionOrder).push([...planSectionTemplates]);
  doc.getMap(planRoots.calendar).set('inspectionReportDate', '');
}
