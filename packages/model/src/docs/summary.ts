import type { Bilingual } from '../domain/bilingual';
import type { ApprovedPlan } from '../domain/plan';
import type { PublishedSummary } from '../domain/review';

/**
 * E: the published summary, generated from the plan as the governing body approved it (never
 * from the live draft): the year's priorities with their outcomes, actions, milestones, planned
 * support and who gives it, the outline of years two and three, and how last year's priorities
 * went. Owner names, criteria statuses and working text stay out: the summary is public.
 */
export function buildSummary(approved: ApprovedPlan, schoolName: Bilingual, publishedAt: string): PublishedSummary {
  const { plan, approval } = approved;
  return {
    schoolId: plan.schoolId,
    schoolName,
    academicYear: plan.academicYear,
    planDocId: approval.planDocId,
    approvedOn: approval.meetingDate,
    priorities: plan.priorities.map((p) => ({
      id: p.id,
      area: p.area,
      title: p.title,
      outcomes: p.outcomes,
      actions: p.actions.map((a) => ({ description: a.description, due: a.due })),
      milestones: p.milestones.map((m) => ({ description: m.description, due: m.due })),
      support: p.support.map((s) => ({ source: s.source, provider: s.provider, description: s.description, days: s.days })),
      yearTwo: p.yearTwo,
      yearThree: p.yearThree,
    })),
    lastYear: plan.lastYear.map((l) => ({ title: l.title, outcome: l.outcome, reasons: l.reasons })),
    publishedAt,
  };
}
