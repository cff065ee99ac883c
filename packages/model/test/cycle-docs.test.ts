import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialise } from '../src/docs/migrations';
import { developmentPlan } from '../src/docs/developmentPlan';
import { developmentPlanToJson, restoreDevelopmentPlan } from '../src/docs/planJson';
import { toPlainJson } from '../src/docs/plainJson';
import { progressReview } from '../src/docs/progressReview';
import { renderHtml } from '../src/docs/renderHtml';
import { renderMarkdown } from '../src/docs/renderMarkdown';
import { progressReviewToJson, recordableReview, restoreProgressReview, reviewGaps } from '../src/docs/reviewJson';
import { selfEvaluationFindings } from '../src/docs/seFindings';
import { selfEvaluationToJson } from '../src/docs/selfEvaluation';
import { DevelopmentPlanState, planSectionTemplates } from '../src/domain/plan';
import { ProgressReview } from '../src/domain/review';
import { actionFlag, flaggedActionsFor } from '../src/rules/actionFlags';
import { addSchoolDays, inspectionRevisionDue, isSchoolDay, periodOf, reviewPeriods, reviewSchedule } from '../src/rules/schoolCalendar';

function newPlan(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'development-plan', { title: 'Cynllun 2026-29', plan: { schoolId: '6742001', academicYear: 2026 } });
  return doc;
}

function newReview(): Y.Doc {
  const doc = new Y.Doc();
  initialise(doc, 'progress-review', {
    title: 'Adolygiad', review: { schoolId: '6742001', planDocId: 'development-plan:abcdefgh', term: '2026-autumn', halfTerm: 0, supportLevel: 'core', priorities: [{ id: 'pri-1', title: 'Cwricwlwm', area: 'curriculum' }] },
  });
  return doc;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function writtenPlan(): Y.Doc {
  const doc = newPlan();
  const plan = developmentPlan(doc);
  plan.addPriority({ id: 'pri-1', area: 'curriculum', title: 'Cynllunio <cwricwlwm> *ar y cyd*', outcomes: 'Dysgwyr yn gwneud cysylltiadau.' });
  plan.addCriterion('pri-1', { id: 'c1', text: 'Pob dosbarth yn cynllunio gyda’i gilydd', status: 'in-progress' });
  plan.addAction('pri-1', { id: 'a1', description: 'Diwrnod cynllunio', ownerName: 'Pennaeth', due: '2026-12-04' });
  plan.addMilestone('pri-1', { id: 'm1', description: 'Unedau wedi’u cynllunio', due: '2027-02-12' });
  plan.addSupport('pri-1', { id: 's1', source: 'la', provider: 'Partner Gwella', description: 'Hwyluso', days: 2 });
  plan.addConsultation({ id: 'k1', date: '2026-09-20', group: 'learners', summary: 'Roedd y cyngor ysgol eisiau mwy o waith grŵp.' });
  plan.addLastYear({ id: 'l1', priorityId: 'pri-0', title: 'Llafaredd', outcome: 'partly-met', reasons: 'Yn parhau.' });
  plan.addFinding({ id: 'f1', type: 'strength', area: 'well-being', text: 'Amser tawel dyddiol' });
  plan.addHoliday({ id: 'h1', from: '2026-10-26', to: '2026-10-30', label: 'Hanner tymor' });
  return doc;
}

describe('development plan layout', () => {
  it('D15: a new plan starts from the template: every template section in order, its school and year in meta', () => {
    const doc = newPlan();
    const plan = developmentPlan(doc);
    expect(plan.sections().map((s) => s.template)).toEqual([...planSectionTemplates]);
    expect(plan.sections().find((s) => s.template === 'professional-learning')?.kind).toBe('text');
    expect([plan.schoolId(), plan.academicYear()]).toEqual(['6742001', 2026]);
    expect(DevelopmentPlanState.safeParse(developmentPlanToJson(doc)).success).toBe(true);
  });

  it('D16: sections are added, renamed, reordered and removed; a move never loses what someone types meanwhile', () => {
    const a = newPlan();
    const b = new Y.Doc();
    sync(a, b);
    const planA = developmentPlan(a);
    const planB = developmentPlan(b);
    planA.addSection('custom-1', 'custom', 'text', 'Lles staff');
    sync(a, b);
    // Concurrently: A moves the section up twice, B types in it and renames another.
    planA.moveSection('custom-1', -1);
    planA.moveSection('custom-1', -1);
    planB.sections().find((s) => s.id === 'custom-1')?.heading.insert(0, 'Polisi ');
    planB.sections().find((s) => s.id === 'strengths')?.heading.insert(0, 'Arfer dda');
    sync(a, b);
    const ids = planA.sections().map((s) => s.id);
    expect(ids).toEqual(planB.sections().map((s) => s.id));
    expect(ids.indexOf('custom-1')).toBe(ids.length - 3);
    expect(planA.sections().find((s) => s.id === 'custom-1')?.heading.toString()).toBe('Polisi Lles staff');
    // Two people moving at once can list an id twice: it is shown once.
    planA.moveSection('priorities', 1);
    planB.moveSection('priorities', 1);
    sync(a, b);
    expect(new Set(planA.sections().map((s) => s.id)).size).toBe(planA.sections().length);
    planA.removeSection('consultation');
    expect(planA.sections().some((s) => s.id === 'consultation')).toBe(false);
  });

  it('D17: the plan as plain JSON validates, keeps the school’s order, and exports with people’s text escaped', () => {
    const doc = writtenPlan();
    const json = toPlainJson(doc);
    expect(DevelopmentPlanState.safeParse(json).success).toBe(true);
    if (json.kind !== 'development-plan') throw new Error(json.kind);
    expect(json.priorities[0]?.support[0]).toEqual({ id: 's1', source: 'la', provider: 'Partner Gwella', description: 'Hwyluso', days: 2 });
    const html = renderHtml(json, 'en');
    expect(html).toContain('Cynllunio &#60;cwricwlwm&#62;');
    expect(html).toContain('Professional-learning strategy');
    expect(renderMarkdown(json, 'cy')).toContain('Cynllunio \\<cwricwlwm\\> \\*ar y cyd\\*');
  });

  it('D18: restoring an agreed plan or review writes it back as a new edit, equal to what was agreed', () => {
    const state = developmentPlanToJson(writtenPlan());
    const live = newPlan();
    developmentPlan(live).addPriority({ id: 'stale', area: 'curriculum', title: 'Hen' });
    restoreDevelopmentPlan(live, state);
    expect(developmentPlanToJson(live)).toEqual(state);
  });

  it('D19: a review draft holds each plan priority, unjudged until the partner and the school judge it', () => {
    const r = progressReview(newReview());
    expect(r.priorities().map((p) => [p.priorityId, p.title, p.status, p.judgement])).toEqual([['pri-1', 'Cwricwlwm', '', '']]);
    expect([r.term(), r.halfTerm(), r.supportLevel(), r.planDocId()]).toEqual(['2026-autumn', 0, 'core', 'development-plan:abcdefgh']);
  });

  it('D20: only the summative part of a complete review is recordable: working notes stay in the draft', () => {
    const doc = newReview();
    const r = progressReview(doc);
    expect(reviewGaps(progressReviewToJson(doc))).toEqual(['overall.status', 'pri-1.status', 'pri-1.judgement']);
    expect(recordableReview(progressReviewToJson(doc), 'progress-review:abcdefgh')).toBeNull();
    r.setStatus('pri-1', 'on-track');
    r.setJudgement('pri-1', 'strong');
    r.setOverallStatus('on-track');
    r.priority('pri-1').risks.insert(0, 'Amser\n\n Staffio ');
    r.priority('pri-1').notes.insert(0, 'Nodyn gwaith cyfrinachol');
    r.overallNotes().insert(0, 'Sgwrs gyda’r pennaeth');
    r.addSupportChange('pri-1', { id: 's1', change: 'added', source: 'school', provider: 'Ysgol arall', description: 'Ymweliad', days: 1 });
    const recordable = recordableReview(progressReviewToJson(doc), 'progress-review:abcdefgh');
    expect(recordable?.priorities[0]).toEqual({
      priorityId: 'pri-1', title: 'Cwricwlwm', area: 'curriculum', status: 'on-track', judgement: 'strong', risks: ['Amser', 'Staffio'],
      supportChanges: [{ change: 'added', source: 'school', provider: 'Ysgol arall', description: 'Ymweliad', days: 1 }],
    });
    expect(JSON.stringify(recordable)).not.toMatch(/Nodyn gwaith|Sgwrs/);
    const confirmation = { personId: 'p', name: 'P', at: '2026-12-01T10:00:00Z' };
    expect(ProgressReview.safeParse({ ...recordable, confirmations: { facilitator: confirmation, school: confirmation } }).success).toBe(true);
    expect(ProgressReview.safeParse({ ...recordable, supportLevel: 'enhanced', confirmations: { facilitator: confirmation, school: confirmation } }).success).toBe(false);
    // Restoring keeps the working notes of the draft and brings back the judgements.
    if (!recordable) throw new Error('incomplete');
    r.setJudgement('pri-1', 'limited');
    restoreProgressReview(doc, recordable);
    expect(r.priority('pri-1').judgement).toBe('strong');
    expect(r.priority('pri-1').notes.toString()).toBe('Nodyn gwaith cyfrinachol');
  });

  it('D21: actions due within two weeks or overdue are flagged to their owners, by account or by name', () => {
    expect(actionFlag({ due: '2026-12-01', done: false }, '2026-12-02')).toBe('overdue');
    expect(actionFlag({ due: '2026-12-16', done: false }, '2026-12-02')).toBe('due-soon');
    expect(actionFlag({ due: '2026-12-17', done: false }, '2026-12-02')).toBeNull();
    expect(actionFlag({ due: '2026-11-01', done: true }, '2026-12-02')).toBeNull();
    expect(actionFlag({ due: '', done: false }, '2026-12-02')).toBeNull();
    const action = (id: string, due: string, ownerName: string, ownerPersonId = '') => ({ id, due, done: false, ownerName, ownerPersonId });
    const flagged = flaggedActionsFor([{ id: 'p', actions: [action('a', '2026-12-10', 'Pennaeth'), action('b', '2026-11-20', '', 'me'), action('c', '2026-11-20', 'Someone else')] }], { personId: 'me', names: ['pennaeth'] }, '2026-12-02');
    expect(flagged.map((f) => [f.action.id, f.flag])).toEqual([['b', 'overdue'], ['a', 'due-soon']]);
  });

  it('D22: school days are weekdays outside the school’s holidays; a post-inspection revision is due 20 school days on', () => {
    expect(isSchoolDay('2026-12-05', [])).toBe(false); // a Saturday
    expect(isSchoolDay('2026-10-27', [{ from: '2026-10-26', to: '2026-10-30' }])).toBe(false);
    expect(addSchoolDays('2026-11-02', 5, [])).toBe('2026-11-09');
    // Report on Friday 2 October 2026; half term 26-30 October: the 20th school day after it is 6 November.
    expect(inspectionRevisionDue('2026-10-02', [{ from: '2026-10-26', to: '2026-10-30' }])).toBe('2026-11-06');
    expect(inspectionRevisionDue('2026-10-02', [])).toBe('2026-10-30');
  });

  it('D23: terms and half terms; each review is due while its period runs and overdue after', () => {
    expect(reviewPeriods(2026, false).map((p) => p.term)).toEqual(['2026-autumn', '2027-spring', '2027-summer']);
    expect(reviewPeriods(2026, true).map((p) => `${p.term}/${p.halfTerm}`)).toEqual(['2026-autumn/1', '2026-autumn/2', '2027-spring/1', '2027-spring/2', '2027-summer/1', '2027-summer/2']);
    expect(periodOf('2026-12-01', true)).toMatchObject({ term: '2026-autumn', halfTerm: 2 });
    const core = reviewSchedule(2026, '2027-01-10', () => 'core', new Set());
    expect(core.map((p) => p.state)).toEqual(['overdue', 'due', 'upcoming']);
    const enhanced = reviewSchedule(2026, '2026-12-01', () => 'enhanced', new Set(['2026-autumn-h1']));
    expect(enhanced.slice(0, 3).map((p) => p.state)).toEqual(['confirmed', 'due', 'upcoming']);
    // Enhanced from the spring: the autumn is one termly review, the spring two half terms.
    const moved = reviewSchedule(2026, '2026-12-01', (d) => (d >= '2027-01-01' ? 'enhanced' : 'core'), new Set());
    expect(moved.map((p) => p.halfTerm)).toEqual([null, 1, 2, 1, 2]);
  });

  it('D24: a self-evaluation’s findings are an addition older documents lack, and can be marked carried into a plan', () => {
    const doc = new Y.Doc();
    initialise(doc, 'self-evaluation', { title: 'SE' });
    expect(selfEvaluationToJson(doc).findings).toEqual([]);
    const findings = selfEvaluationFindings(doc);
    findings.add({ id: 'f1', type: 'emerging-priority', area: 'curriculum', text: 'Cynllunio ar y cyd' });
    findings.markCarried('f1', 'development-plan:abcdefgh');
    expect(selfEvaluationToJson(doc).findings).toEqual([{ id: 'f1', type: 'emerging-priority', area: 'curriculum', text: 'Cynllunio ar y cyd', carriedInto: 'development-plan:abcdefgh' }]);
  });
});
