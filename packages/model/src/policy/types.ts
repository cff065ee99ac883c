import type { RoleAssignment } from '../domain/person';
import type { ReviewStage } from '../domain/reviewTeam';

/**
 * `approve`: the governing body's approval of a development plan (P37). `confirm`: one side's
 * confirmation of a progress review, the partner's or the school's (P37).
 */
export const allActions = ['read', 'edit', 'comment', 'share', 'agree', 'export', 'erase', 'approve', 'confirm'] as const;
export type Action = (typeof allActions)[number];

/** Who is asking: a person and every role they hold (a person may hold several). */
export interface Actor {
  personId: string;
  roles: readonly RoleAssignment[];
}

/**
 * The document plus the facts the policy needs. The server builds this from its records at
 * connect time (see resourceFromRecord); the policy itself looks nothing up.
 */
export type PolicyResource = (
  | { kind: 'self-evaluation'; docId?: string; schoolId: string; schoolLaCode: number }
  | {
      kind: 'peer-review';
      docId?: string;
      hostSchoolId: string;
      hostLaCode: number;
      reviewerIds: readonly string[];
      sharedWithLa: boolean;
      /** Host staff on the team (practitioners included): they write until the review closes (P61). */
      hostStaffIds?: readonly string[];
      /** Planning, visit, write-up or closed (P62); a review without a lifecycle row is in planning. */
      stage?: ReviewStage;
      /** Closed and past the host's retention date: its reviewers read no more (P62). */
      retentionPassed?: boolean;
      /** People the host shared it with: named people, the school's facilitators, a collaborative's convenor (P63). */
      sharedWithPersonIds?: readonly string[];
      /** Schools whose leaders read it because the host shared it with their collaborative (P63). */
      sharedWithSchoolIds?: readonly string[];
    }
  | {
      kind: 'workspace';
      docId?: string;
      collaborativeId: string;
      memberSchoolIds: readonly string[];
      memberLaCodes: readonly number[];
      convenorId: string;
      facilitatorIds: readonly string[];
    }
  | { kind: 'development-plan'; docId?: string; schoolId: string; schoolLaCode: number }
  | {
      kind: 'progress-review';
      docId?: string;
      schoolId: string;
      schoolLaCode: number;
      /** The school's Improvement Partners: facilitators with the school in their caseload. */
      partnerIds: readonly string[];
    }
  | {
      /** M47: a peer review's strengths, published by its host to one of its collaboratives (P130). */
      kind: 'review-extract';
      docId?: string;
      hostSchoolId: string;
      collaborativeId: string;
      /** The collaborative's convenor and member schools: who reads a collaborative share (P63). */
      convenorId: string;
      memberSchoolIds: readonly string[];
    }
) & {
  /** Archived by an owner (P96): read-only for everyone until an owner restores it. */
  archived?: boolean;
};

/**
 * The improvement cycle's other doors (P39-P41): a school's published summary (public), its
 * support level (core or enhanced) and a facilitator's caseload.
 */
export type CycleResource =
  | { kind: 'published-summary'; schoolId: string; published: boolean }
  | { kind: 'support-level'; schoolId: string; schoolLaCode: number; partnerIds: readonly string[] }
  | { kind: 'caseload'; facilitatorId: string; laCode: number };

/**
 * An owner's agreed record (the server's Automerge record, RECORDS.md), with the facts the
 * policy needs (P12-P14). Records are not live documents, so they are a separate resource
 * type: the document-only code paths (sockets, readers) keep switching over PolicyResource.
 */
export type RecordOwnerFacts =
  | { type: 'school'; schoolId: string; schoolLaCode: number }
  | {
      type: 'collaborative';
      collaborativeId: string;
      memberSchoolIds: readonly string[];
      memberLaCodes: readonly number[];
      convenorId: string;
      facilitatorIds: readonly string[];
    };

export interface RecordResource {
  kind: 'record';
  owner: RecordOwnerFacts;
}

/**
 * The LA's local improvement picture (P76-P89, OVERVIEW.md): its overview and exports, its
 * settings and theme list, the tags on an owner's agreed items, brokered support, the support
 * ledger, the continuum (LA officers only) and the administration of caseloads.
 */
export type LaPictureResource =
  | { kind: 'la-overview'; laCodes: readonly number[] }
  | { kind: 'la-settings'; laCode: number }
  | { kind: 'item-themes'; owner: RecordOwnerFacts }
  | { kind: 'brokered-support'; schoolId: string; schoolLaCode: number }
  | { kind: 'support-ledger'; laCode: number }
  | { kind: 'continuum'; laCode: number }
  | { kind: 'caseload-assignment'; laCode: number };

/** Anything decide() rules on: a live document or an owner's record. */
export type PolicySubject = PolicyResource | RecordResource | CycleResource | LaPictureResource;

/** A decision and a stable reason code (e.g. 'peer-review.not-shared-with-la') for logs and UI. */
export interface Decision {
  allow: boolean;
  reason: string;
}

export type Access = 'owner' | 'editor' | 'viewer';
