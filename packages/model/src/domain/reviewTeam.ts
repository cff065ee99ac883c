import { z } from 'zod';
import type { SchoolId } from './school';

/**
 * A peer review's team and lifecycle (COLLABORATIVES.md G10-G19). The host headteacher builds
 * the team; the server's reader list is the team (never a name typed into the write-up). The
 * documentation belongs to the host school, which alone decides who else reads it.
 */
export const teamRoles = ['lead-reviewer', 'reviewer', 'host-staff', 'facilitator'] as const;
export const TeamRole = z.enum(teamRoles);
export type TeamRole = z.infer<typeof TeamRole>;

/** Team roles that review (write in the review as visitors until it closes). */
export const reviewingRoles: readonly TeamRole[] = ['lead-reviewer', 'reviewer', 'facilitator'];

export const TeamMember = z.object({ personId: z.string().min(1).max(64), role: TeamRole });
export type TeamMember = z.infer<typeof TeamMember>;

export const reviewStages = ['planning', 'visit', 'write-up', 'closed'] as const;
export const ReviewStage = z.enum(reviewStages);
export type ReviewStage = z.infer<typeof ReviewStage>;

/** Who else the host shares the review with, besides its LA (which stays `sharedWithLa`). */
export const shareTypes = ['person', 'collaborative', 'facilitator'] as const;
export const ShareType = z.enum(shareTypes);
export type ShareType = z.infer<typeof ShareType>;
export const ReviewShare = z.object({ type: ShareType, id: z.string().min(1).max(64) });
export type ReviewShare = z.infer<typeof ReviewShare>;

/** The lifecycle facts the server keeps beside the registry row. */
export const ReviewLifecycle = z.object({
  stage: ReviewStage,
  /** ISO date after which closed reviewers lose access; set when the host closes the review. */
  retainUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type ReviewLifecycle = z.infer<typeof ReviewLifecycle>;

/** A candidate for the team as the directory knows them: their school roles. */
export interface TeamCandidate {
  personId: string;
  schoolRoles: readonly { role: string; schoolId: string }[];
  laRoles: readonly { role: string; laCode: number }[];
}

const staffRoles = ['headteacher', 'senior-leader', 'practitioner'];

/**
 * G11: whether this person may take this role on this host's team. Reviewers come from other
 * schools (any LA); host staff from the host school (practitioners included); a facilitator is
 * an LA facilitator, there only when the host invites one. One lead reviewer.
 */
export function teamRoleFits(candidate: TeamCandidate, role: TeamRole, hostSchoolId: SchoolId, team: readonly TeamMember[]): { fits: boolean; reason: string } {
  const atHost = candidate.schoolRoles.some((r) => r.schoolId === hostSchoolId);
  const staffElsewhere = candidate.schoolRoles.some((r) => r.schoolId !== hostSchoolId && staffRoles.includes(r.role));
  if (team.some((m) => m.personId === candidate.personId && m.role === role)) return { fits: false, reason: 'team.already-member' };
  switch (role) {
    case 'lead-reviewer':
    case 'reviewer':
      if (atHost) return { fits: false, reason: 'team.reviewer-from-host' };
      if (!staffElsewhere) return { fits: false, reason: 'team.reviewer-not-staff' };
      if (role === 'lead-reviewer' && team.some((m) => m.role === 'lead-reviewer')) return { fits: false, reason: 'team.one-lead' };
      return { fits: true, reason: 'team.fits' };
    case 'host-staff':
      return atHost ? { fits: true, reason: 'team.fits' } : { fits: false, reason: 'team.not-host-staff' };
    case 'facilitator':
      return candidate.laRoles.some((r) => r.role === 'la-facilitator') ? { fits: true, reason: 'team.fits' } : { fits: false, reason: 'team.not-facilitator' };
  }
}

/** G13: stages move forward only; closing needs a retention date no earlier than the day. */
export function stageMoveFits(from: ReviewStage, to: ReviewStage, retainUntil: string | null, today: string): { fits: boolean; reason: string } {
  if (from === 'closed') return { fits: false, reason: 'stage.closed' };
  if (reviewStages.indexOf(to) <= reviewStages.indexOf(from)) return { fits: false, reason: 'stage.forward-only' };
  if (to === 'closed' && (retainUntil === null || retainUntil < today)) return { fits: false, reason: 'stage.retention-needed' };
  return { fits: true, reason: 'stage.fits' };
}

/** The typed evidence of a visit's activity log (G12): first-hand evidence, never data. */
export const visitActivityKinds = ['talking-with-learners', 'learning-walk', 'looking-at-work', 'discussion-with-staff', 'discussion-with-governors'] as const;
export type VisitActivityKind = (typeof visitActivityKinds)[number];
