import type { DevelopmentPlanState, LastYearOutcome, PlanPriority } from '../domain/plan';

/** A priority is finished when it has success criteria and every one of them is met. */
export function isFinished(p: PlanPriority): boolean {
  return p.criteria.length > 0 && p.criteria.every((c) => c.status === 'met');
}

function outcomeOf(p: PlanPriority): LastYearOutcome {
  if (isFinished(p)) return 'met';
  return p.criteria.some((c) => c.status === 'met' || c.status === 'partly-met') ? 'partly-met' : 'not-met';
}

/**
 * "Start next year's plan" (CYCLE.md E4): the next academic year's plan, from this one as it
 * stands. Unfinished priorities are carried forward under the same stable id (reviews, support
 * lines and themes keep pointing at them), naming the plan they came from; their done actions,
 * reached milestones and met criteria stay behind, and the outline of year three becomes year
 * two's. Every priority of this year gets a line in "last year's priorities" with how it ended,
 * for the school to give its reasons. The school's own sections and strengths carry over;
 * consultations and the calendar are the new year's to record.
 */
export function nextYearPlan(previous: DevelopmentPlanState, previousPlanId: string, title: string): DevelopmentPlanState {
  return {
    ...previous,
    title,
    academicYear: previous.academicYear + 1,
    previousPlanId,
    sections: previous.sections.map((s) => ({ ...s })),
    priorities: previous.priorities.filter((p) => !isFinished(p)).map((p) => ({
      ...p,
      criteria: p.criteria.filter((c) => c.status !== 'met'),
      actions: p.actions.filter((a) => !a.done),
      milestones: p.milestones.filter((m) => !m.reached),
      yearTwo: p.yearThree,
      yearThree: '',
      carriedFrom: previousPlanId,
    })),
    lastYear: previous.priorities.map((p) => ({ id: `last-${p.id}`, priorityId: p.id, title: p.title, outcome: outcomeOf(p), reasons: '' })),
    consultations: [],
    findings: previous.findings.map((f) => ({ ...f })),
    calendar: { inspectionReportDate: '', holidays: [] },
  };
}
