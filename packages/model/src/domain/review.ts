import { z } from 'zod';
import { Bilingual } from './bilingual';
import { Area, progressJudgements, supportLevels, supportSources, Term, trackStatuses } from './improvement';
import { AcademicYear, lastYearOutcomes } from './plan';
import { SchoolId } from './school';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DateOrEmpty = z.union([IsoDate, z.literal('')]);
const Text = z.string().max(20_000);

/** What happened to a line of support at a review: the support ledger's events. */
export const supportChangeKinds = ['added', 'changed', 'ended'] as const;
export type SupportChangeKind = (typeof supportChangeKinds)[number];

export const SupportChange = z.object({
  change: z.enum(supportChangeKinds),
  source: z.enum(supportSources),
  provider: z.string().max(300),
  description: Text,
  days: z.number().nonnegative().max(365),
});
export type SupportChange = z.infer<typeof SupportChange>;

/** One plan priority at one review: the partner's summative call and what follows from it. */
export const ReviewedPriority = z.object({
  priorityId: z.string().min(1).max(64),
  title: Text,
  area: Area,
  status: z.enum(trackStatuses),
  judgement: z.enum(progressJudgements),
  risks: z.array(Text),
  supportChanges: z.array(SupportChange),
});
export type ReviewedPriority = z.infer<typeof ReviewedPriority>;

export const ReviewConfirmation = z.object({
  personId: z.string().min(1),
  name: z.string().min(1),
  /** ISO timestamp. */
  at: z.string().min(1),
});
export type ReviewConfirmation = z.infer<typeof ReviewConfirmation>;

/**
 * A confirmed termly (or, with enhanced support, half-termly) progress review as agreed into the
 * school's record: the summative judgements only. The working notes stay in the draft, which
 * governors and LA officers never open (P38).
 */
export const ProgressReview = z
  .object({
    reviewDocId: z.string().min(1),
    schoolId: SchoolId,
    planDocId: z.string().min(1),
    term: Term,
    /** 1 or 2 for a half-termly review (enhanced support), null for a termly one. */
    halfTerm: z.union([z.literal(1), z.literal(2), z.null()]),
    supportLevel: z.enum(supportLevels),
    overall: z.object({ status: z.enum(trackStatuses), summary: Text }),
    priorities: z.array(ReviewedPriority),
    confirmations: z.object({ facilitator: ReviewConfirmation, school: ReviewConfirmation }),
  })
  .refine((r) => r.supportLevel !== 'enhanced' || r.halfTerm !== null, {
    message: 'M15: enhanced support is reviewed half-termly',
    path: ['halfTerm'],
  });
export type ProgressReview = z.infer<typeof ProgressReview>;

/** Moving between core and enhanced support: a decision with its reason (E). */
export const SupportLevelDecision = z.object({
  level: z.enum(supportLevels),
  reason: z.string().trim().min(1).max(2_000),
  /** The day it takes effect. */
  from: IsoDate,
  decidedBy: z.string().min(1),
  decidedByName: z.string().min(1),
  /** E22: decided from a termly review's screen: which review (its draft and period) it was decided at. */
  atReview: z.object({ docId: z.string().min(1).max(200), term: Term, halfTerm: z.union([z.literal(1), z.literal(2), z.null()]) }).optional(),
});
export type SupportLevelDecision = z.infer<typeof SupportLevelDecision>;

/**
 * The published summary of a plan (E): high-level priorities, actions, milestones and planned
 * support for the year, and progress against last year's priorities. It is what the public
 * reads, so it carries no owner names, no criteria statuses and nothing about any learner.
 */
export const PublishedSummary = z.object({
  schoolId: SchoolId,
  schoolName: Bilingual,
  academicYear: AcademicYear,
  planDocId: z.string().min(1),
  approvedOn: IsoDate,
  priorities: z.array(
    z.object({
      id: z.string().min(1),
      area: Area,
      title: Text,
      outcomes: Text,
      actions: z.array(z.object({ description: Text, due: DateOrEmpty })),
      milestones: z.array(z.object({ description: Text, due: DateOrEmpty })),
      support: z.array(z.object({ source: z.enum(supportSources), provider: z.string().max(300), description: Text, days: z.number().nonnegative() })),
      yearTwo: Text,
      yearThree: Text,
    }),
  ),
  lastYear: z.array(z.object({ title: Text, outcome: z.enum(lastYearOutcomes), reasons: Text })),
  /** ISO timestamp of publication. */
  publishedAt: z.string().min(1),
});
export type PublishedSummary = z.infer<typeof PublishedSummary>;
