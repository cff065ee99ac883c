import { z } from 'zod';
import { LaCode } from './localAuthority';
import { SchoolId } from './school';

/** Areas a school may evaluate (the 2021 school improvement guidance, with sub-areas in DOMAIN.md). */
export const areas = ['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being'] as const;
export const Area = z.enum(areas);
export type Area = z.infer<typeof Area>;

/**
 * The area a stored value names, or the first area when it names none (a hand-edited or older
 * document). A plain check, so the document readers the browser runs need no schema library.
 */
export function areaOr(value: unknown, fallback: Area = 'vision-and-leadership'): Area {
  return (areas as readonly unknown[]).includes(value) ? (value as Area) : fallback;
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PriorityAction = z.object({
  description: z.string().min(1),
  /** A member of staff or a role, by name: never a learner. */
  ownerName: z.string().min(1),
  due: IsoDate,
});
export type PriorityAction = z.infer<typeof PriorityAction>;

export const Milestone = z.object({ description: z.string().min(1), due: IsoDate });
export type Milestone = z.infer<typeof Milestone>;

export const supportSources = ['la', 'school', 'collaborative', 'specialist'] as const;
export const SupportItem = z.object({
  source: z.enum(supportSources),
  description: z.string().min(1),
  /** Facilitator days, when the support is the LA's own time. */
  days: z.number().nonnegative().optional(),
});
export type SupportItem = z.infer<typeof SupportItem>;

/**
 * An improvement priority of a school or collaborative. Free text in the author's language:
 * people write priorities in Welsh or English, the product does not translate them.
 */
export const Priority = z.object({
  id: z.string().min(1),
  area: Area,
  title: z.string().min(1),
  successCriteria: z.array(z.string().min(1)),
  actions: z.array(PriorityAction),
  milestones: z.array(Milestone),
  support: z.array(SupportItem),
});
export type Priority = z.infer<typeof Priority>;

export const trackStatuses = ['on-track', 'off-track'] as const;
export const progressJudgements = ['very-good', 'strong', 'satisfactory', 'limited'] as const;
export const supportLevels = ['core', 'enhanced'] as const;
export type TrackStatus = (typeof trackStatuses)[number];
export type ProgressJudgement = (typeof progressJudgements)[number];

/** A school term: `2026-autumn`, `2027-spring`, `2027-summer`. */
export const Term = z.string().regex(/^\d{4}-(autumn|spring|summer)$/);

/**
 * The termly progress evaluation the school writes with its facilitator. Where support is
 * enhanced the evaluation is half-termly (M15): `halfTerm` says which half.
 */
export const ProgressEvaluation = z
  .object({
    priorityId: z.string().min(1),
    term: Term,
    supportLevel: z.enum(supportLevels),
    halfTermly: z.boolean(),
    halfTerm: z.union([z.literal(1), z.literal(2)]).optional(),
    status: z.enum(trackStatuses),
    judgement: z.enum(progressJudgements),
    risks: z.array(z.string().min(1)),
    supportChanges: z.string(),
    facilitatorId: z.string().min(1),
  })
  .refine((e) => e.supportLevel !== 'enhanced' || e.halfTermly, {
    message: 'M15: enhanced support is evaluated half-termly',
    path: ['halfTermly'],
  })
  .refine((e) => e.halfTermly === (e.halfTerm !== undefined), {
    message: 'M15: a half-termly evaluation says which half term',
    path: ['halfTerm'],
  });
export type ProgressEvaluation = z.infer<typeof ProgressEvaluation>;

/** Support a school offers to others, or needs, recorded against the priority it serves. */
export const SupportNote = z.object({
  id: z.string().min(1),
  schoolId: SchoolId,
  direction: z.enum(['offered', 'needed']),
  area: Area,
  priorityId: z.string().min(1).optional(),
  description: z.string().min(1),
});
export type SupportNote = z.infer<typeof SupportNote>;

/** Every school is expected to have at least one strength to share. */
export const StrengthToShare = z.object({
  id: z.string().min(1),
  schoolId: SchoolId,
  area: Area,
  description: z.string().min(1),
});
export type StrengthToShare = z.infer<typeof StrengthToShare>;

export const continuumPlacements = ['leading', 'improving', 'needs-intensive-support'] as const;
export type ContinuumPlacementValue = (typeof continuumPlacements)[number];

/**
 * Where an LA places a school on its support continuum for one area. LA-internal: never
 * published, never shown to schools (M8), and never a ranking.
 */
export const ContinuumPlacement = z.object({
  schoolId: SchoolId,
  laCode: LaCode,
  area: Area,
  placement: z.enum(continuumPlacements),
  decidedOn: IsoDate,
});
export type ContinuumPlacement = z.infer<typeof ContinuumPlacement>;
