import { AgreedPriority, priorityIdOfSubject } from '../src/domain/sharedPriorities';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildDemoDataset } from '../src/demo/dataset';
import { seedDemoDocument } from '../src/demo/documents';
import { toPlainJson } from '../src/docs/plainJson';
import { ApprovedPlan } from '../src/domain/plan';
import { parseSubject } from '../src/domain/recordSubjects';
import { ProgressReview, PublishedSummary, SupportLevelDecision } from '../src/domain/review';
import { readData } from './fixtures';

const demo = buildDemoDataset({
  lasCsv: readData('wales-local-authorities.csv'),
  schoolsEnCsv: readData('wg-schools-maintained-2022-06.en.csv'),
  schoolsCyCsv: readData('wg-schools-maintained-2022-06.cy.csv'),
  schools2026Json: readData('welsh-schools-2026-04.json'),
});
const { cast } = demo;
const agreementsOf = (schoolId: string) => demo.agreements.filter((a) => a.ownerKey === `school:${schoolId}`);
const subjects = (schoolId: string) => agreementsOf(schoolId).map((a) => a.subject);

describe('demo improvement cycle', () => {
  it('X6: the demo schools have approved plans, published summaries and at least two terms of confirmed reviews', () => {
    expect(subjects(cast.primaryId)).toEqual([
      'plan:2025', 'summary:2025', 'review:2025-autumn', 'review:2026-spring', 'review:2026-summer', 'plan:2026', 'summary:2026',
    ]);
    expect(subjects(cast.secondaryId)).toEqual(['plan:2025', 'summary:2025', 'review:2025-autumn', 'review:2026-spring']);
    const plans = demo.documents.filter((d) => d.record.kind === 'development-plan');
    expect(plans.map((d) => [d.record.owner.type === 'school' ? d.record.owner.schoolId : '', d.plan?.academicYear])).toEqual([
      [cast.primaryId, 2025], [cast.primaryId, 2026], [cast.secondaryId, 2025],
    ]);
  });

  it('X7: every demo agreement is valid against its schema, in time order, and each review draft seeds into a Y.Doc', () => {
    const schemaOf = { plan: ApprovedPlan, summary: PublishedSummary, review: ProgressReview, 'support-level': SupportLevelDecision } as const;
    for (const a of demo.agreements) {
      // A collaborative's agreed shared priorities (COLLABORATIVES.md G1).
      if (priorityIdOfSubject(a.subject) !== null) {
        expect([a.subject, AgreedPriority.safeParse(a.state).success]).toEqual([a.subject, true]);
        continue;
      }
      const kind = parseSubject(a.subject).type;
      if (kind === 'other') throw new Error(a.subject);
      expect([a.subject, schemaOf[kind].safeParse(a.state).success]).toEqual([a.subject, true]);
    }
    expect(demo.agreements.map((a) => a.at)).toEqual([...demo.agreements.map((a) => a.at)].sort((x, y) => x - y));
    for (const d of demo.documents.filter((x) => x.record.kind === 'progress-review')) {
      const doc = new Y.Doc();
      seedDemoDocument(doc, d);
      const json = toPlainJson(doc);
      if (json.kind !== 'progress-review') throw new Error(json.kind);
      expect(json.priorities.every((p) => p.status !== '' && p.judgement !== '')).toBe(true);
      expect(json.overall.notes.length).toBeGreaterThan(0);
    }
  });

  it('X8: the demo facilitator holds a caseload of sixteen schools, the demo cluster’s first, all in the demo LA', () => {
    const [caseload] = demo.caseloads;
    expect(caseload?.facilitatorId).toBe('demo-facilitator');
    expect(caseload?.schoolIds).toHaveLength(16);
    expect(caseload?.schoolIds.slice(0, 3)).toEqual([cast.primaryId, cast.secondaryId, cast.convenorSchoolId]);
    for (const id of caseload?.schoolIds ?? []) expect(demo.schools.find((s) => s.id === id)?.laCode).toBe(cast.laCode);
  });

  it('X9: the convenor’s school moved to enhanced support with a recorded reason', () => {
    const [decision] = agreementsOf(cast.convenorSchoolId);
    expect(decision?.subject).toBe('support-level');
    const state = SupportLevelDecision.parse(decision?.state);
    expect([state.level, state.from, state.decidedBy]).toEqual(['enhanced', '2026-09-01', 'demo-facilitator']);
  });

  it('X10: stable priority ids link the years: this year’s plan carries last year’s priority forward by id', () => {
    const [plan2025, plan2026] = demo.documents.filter((d) => d.record.kind === 'development-plan' && d.record.owner.type === 'school' && d.record.owner.schoolId === cast.primaryId);
    if (plan2026?.content.kind !== 'development-plan' || plan2025 === undefined) throw new Error('no plans');
    const carried = plan2026.content.state.priorities.find((p) => p.id === 'pri-oracy');
    expect(carried?.carriedFrom).toBe(plan2025.record.id);
    expect(plan2026.content.state.previousPlanId).toBe(plan2025.record.id);
    const reviews = agreementsOf(cast.primaryId).filter((a) => a.subject.startsWith('review:')).map((a) => ProgressReview.parse(a.state));
    for (const r of reviews) {
      expect(r.planDocId).toBe(plan2025.record.id);
      expect(r.priorities.map((p) => p.priorityId)).toEqual(['pri-oracy', 'pri-wellbeing']);
    }
  });
});
