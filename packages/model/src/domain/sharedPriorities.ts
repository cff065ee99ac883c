import { z } from 'zod';
import { Area } from './improvement';

/**
 * What a collaborative agrees about a shared priority, as its record keeps it (COLLABORATIVES.md
 * G1-G6). "Agreed" is never a field of the live workspace: it is the newest agreement of subject
 * `priority:<id>` in the collaborative's record, written by the server when the convenor agrees
 * at a meeting. The live priority is compared with it to show "changed since agreed".
 */
export const AgreedPriority = z.object({
  priorityId: z.string().min(1).max(64),
  title: z.string().max(500),
  area: Area,
  successCriteria: z.string().max(4000),
  /** The meeting at which it was agreed (the workspace's meeting id and date). */
  meetingId: z.string().min(1).max(64),
  meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type AgreedPriority = z.infer<typeof AgreedPriority>;

/** The fields an agreement fixes; actions and support keep moving after it. */
export const agreedFields = ['title', 'area', 'successCriteria'] as const;
export type AgreedField = (typeof agreedFields)[number];

export const prioritySubject = (priorityId: string): string => `priority:${priorityId}`;

/** The priority id of a `priority:<id>` subject, or null for any other subject. */
export function priorityIdOfSubject(subject: string): string | null {
  const match = /^priority:([A-Za-z0-9_-]{1,64})$/.exec(subject);
  return match ? (match[1] ?? null) : null;
}

export interface PriorityChange {
  field: AgreedField;
  agreed: string;
  now: string;
}

/**
 * G3: what differs between the agreed state and the live priority, field by field (empty when
 * unchanged). Whitespace at the ends is not a change: an editor's trailing space is not a new
 * priority.
 */
export function changesSinceAgreed(agreed: Record<AgreedField, string>, live: Record<AgreedField, string>): PriorityChange[] {
  return agreedFields.flatMap((field) => {
    const before = agreed[field].trim();
    const after = live[field].trim();
    return before === after ? [] : [{ field, agreed: before, now: after }];
  });
}

/**
 * Twice a year each agreed shared priority gets a short impact review (school improvement
 * groups report impact twice a year): its focus and where impact is seen so far.
 */
export const impactFocuses = ['pedagogy', 'provision', 'leadership'] as const;
export const ImpactFocus = z.enum(impactFocuses);
export type ImpactFocus = z.infer<typeof ImpactFocus>;

export const impactsSeen = ['on-learning', 'on-practice', 'not-yet'] as const;
export const ImpactSeen = z.enum(impactsSeen);
export type ImpactSeen = z.infer<typeof ImpactSeen>;

/** `<academic year>-h1` (September to February) or `-h2` (March to August). */
export const ImpactPeriod = z.string().regex(/^\d{4}-h[12]$/);
export type ImpactPeriod = z.infer<typeof ImpactPeriod>;

export const ImpactReview = z.object({
  priorityId: z.string().min(1).max(64),
  period: ImpactPeriod,
  focus: ImpactFocus,
  impact: ImpactSeen,
  /** A short narrative of what was seen: evidence described, never learner-level data. */
  note: z.string().trim().max(2000),
});
export type ImpactReview = z.infer<typeof ImpactReview>;

export const impactSubject = (period: string, priorityId: string): string => `impact:${period}:${priorityId}`;

export function parseImpactSubject(subject: string): { period: string; priorityId: string } | null {
  const match = /^impact:(\d{4}-h[12]):([A-Za-z0-9_-]{1,64})$/.exec(subject);
  return match ? { period: match[1] ?? '', priorityId: match[2] ?? '' } : null;
}

/**
 * G5: the half year a date falls in. The academic year starts in September (2026 is 2026-27):
 * September to February is the first half, March to August the second.
 */
export function impactPeriodOf(isoDate: string): ImpactPeriod {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  if (month >= 9) return `${year}-h1`;
  if (month <= 2) return `${year - 1}-h1`;
  return `${year - 1}-h2`;
}
