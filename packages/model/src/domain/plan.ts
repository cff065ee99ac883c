import { z } from 'zod';
import { Area, supportSources } from './improvement';
import { SchoolId } from './school';

/**
 * The School Development Plan as agreed (D17): the plain state of the live plan document, which
 * the governing body approves into the school's record. Everything here is narrative, dates and
 * statuses of the school's own work: no field can hold a learner or a measure of one (M9).
 */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DateOrEmpty = z.union([IsoDate, z.literal('')]);
const Text = z.string().max(20_000);

/** Where a success criterion stands (X: per criterion, never per learner). */
export const criterionStatuses = ['not-started', 'in-progress', 'partly-met', 'met', 'not-met'] as const;
export type CriterionStatus = (typeof criterionStatuses)[number];

/** Who was consulted: groups only, never names (the record holds summaries). */
export const consultationGroups = ['learners', 'parents', 'staff', 'governors', 'community'] as const;
export type ConsultationGroup = (typeof consultationGroups)[number];

/** How last year's priority ended. */
export const lastYearOutcomes = ['met', 'partly-met', 'not-met'] as const;
export type LastYearOutcome = (typeof lastYearOutcomes)[number];

/** A finding carried from the self-evaluation into the plan (strengths, learning needs). */
export const planFindingTypes = ['strength', 'learning-need'] as const;
export type PlanFindingType = (typeof planFindingTypes)[number];

/** The kinds of plan section: a starting template the school may rename, reorder or remove. */
export const planSectionKinds = ['priorities', 'text', 'consultation', 'last-year', 'strengths', 'learning-needs'] as const;
export type PlanSectionKind = (typeof planSectionKinds)[number];

/** Template sections of a new plan, in their starting order; 'custom' is one a school adds. */
export const planSectionTemplates = [
  'priorities', 'professional-learning', 'learning-needs', 'families-community', 'staffing-resources', 'last-year', 'consultation', 'strengths',
] as const;
export type PlanSectionTemplate = (typeof planSectionTemplates)[number] | 'custom';

export const sectionKindOfTemplate: Record<(typeof planSectionTemplates)[number], PlanSectionKind> = {
  priorities: 'priorities',
  'professional-learning': 'text',
  'learning-needs': 'learning-needs',
  'families-community': 'text',
  'staffing-resources': 'text',
  'last-year': 'last-year',
  consultation: 'consultation',
  strengths: 'strengths',
};

export const PlanCriterion = z.object({ id: z.string().min(1), text: Text, status: z.enum(criterionStatuses) });
export type PlanCriterion = z.infer<typeof PlanCriterion>;

export const PlanAction = z.object({
  id: z.string().min(1),
  description: Text,
  /** A member of staff or a role, as written: never a learner. */
  ownerName: z.string().max(200),
  /** The owner's account when the owner is a person with one (flags reach them, X). */
  ownerPersonId: z.string().max(64),
  due: DateOrEmpty,
  done: z.boolean(),
});
export type PlanAction = z.infer<typeof PlanAction>;

export const PlanMilestone = z.object({ id: z.string().min(1), description: Text, due: DateOrEmpty, reached: z.boolean() });
export type PlanMilestone = z.infer<typeof PlanMilestone>;

/** Support by source, with days where it is counted in days (facilitator time, a school's staff). */
export const PlanSupport = z.object({
  id: z.string().min(1),
  source: z.enum(supportSources),
  /** Who gives it: the LA team, a school, a collaborative, a specialist service. */
  provider: z.string().max(300),
  description: Text,
  days: z.number().nonnegative().max(365),
});
export type PlanSupport = z.infer<typeof PlanSupport>;

export const PlanPriority = z.object({
  /** Stable across years: reviews, support lines and themes point at it. */
  id: z.string().min(1).max(64),
  area: Area,
  title: Text,
  outcomes: Text,
  criteria: z.array(PlanCriterion),
  actions: z.array(PlanAction),
  milestones: z.array(PlanMilestone),
  resources: Text,
  monitoring: Text,
  support: z.array(PlanSupport),
  yearTwo: Text,
  yearThree: Text,
  /** The plan it was carried forward from, when it continues last year's priority. */
  carriedFrom: z.string().max(100),
  /** The self-evaluation and finding it came from, when carried from one. */
  fromDocId: z.string().max(100),
  fromFindingId: z.string().max(64),
});
export type PlanPriority = z.infer<typeof PlanPriority>;

export const PlanSection = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(planSectionKinds),
  template: z.union([z.enum(planSectionTemplates), z.literal('custom')]),
  /** The school's own heading; empty means the template's label in the reader's language. */
  heading: z.string().max(300),
  /** Rich text of a text section, as plain JSON (D7). */
  body: z.array(z.unknown()),
});
export type PlanSection = z.infer<typeof PlanSection>;

export const Consultation = z.object({
  id: z.string().min(1),
  date: DateOrEmpty,
  group: z.enum(consultationGroups),
  /** What the group said, summarised: never names. */
  summary: Text,
});
export type Consultation = z.infer<typeof Consultation>;

export const LastYearPriority = z.object({
  id: z.string().min(1),
  priorityId: z.string().max(64),
  title: Text,
  outcome: z.enum(lastYearOutcomes),
  reasons: Text,
});
export type LastYearPriority = z.infer<typeof LastYearPriority>;

export const PlanFinding = z.object({
  id: z.string().min(1),
  type: z.enum(planFindingTypes),
  area: Area,
  text: Text,
  fromDocId: z.string().max(100),
  fromFindingId: z.string().max(64),
});
export type PlanFinding = z.infer<typeof PlanFinding>;

export const SchoolHoliday = z.object({ id: z.string().min(1), from: IsoDate, to: IsoDate, label: z.string().max(120) });
export type SchoolHoliday = z.infer<typeof SchoolHoliday>;

export const PlanCalendar = z.object({
  /** The date the inspection report was published, or '' when there is none this year. */
  inspectionReportDate: DateOrEmpty,
  /** The school's own holidays and closure days; school days are the weekdays outside them. */
  holidays: z.array(SchoolHoliday),
});
export type PlanCalendar = z.infer<typeof PlanCalendar>;

/** The academic year a plan starts: 2026 is 2026-27. */
export const AcademicYear = z.number().int().min(2000).max(2100);

export const DevelopmentPlanState = z.object({
  kind: z.literal('development-plan'),
  schemaVersion: z.number().int(),
  title: z.string(),
  schoolId: SchoolId,
  academicYear: AcademicYear,
  previousPlanId: z.string().max(100),
  sections: z.array(PlanSection),
  priorities: z.array(PlanPriority),
  consultations: z.array(Consultation),
  lastYear: z.array(LastYearPriority),
  findings: z.array(PlanFinding),
  calendar: PlanCalendar,
});
export type DevelopmentPlanState = z.infer<typeof DevelopmentPlanState>;

/** The governing body's approval of one plan, agreed into the school's record (E). */
export const PlanApproval = z.object({
  planDocId: z.string().min(1),
  academicYear: AcademicYear,
  /** The governing body meeting that approved the plan. */
  meetingDate: IsoDate,
  recordedBy: z.string().min(1),
  recordedByName: z.string().min(1),
  /** ISO timestamp of the recording. */
  recordedAt: z.string().min(1),
});
export type PlanApproval = z.infer<typeof PlanApproval>;

export const ApprovedPlan = z.object({ approval: PlanApproval, plan: DevelopmentPlanState });
export type ApprovedPlan = z.infer<typeof ApprovedPlan>;
