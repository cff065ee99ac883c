import type { RoleAssignment } from '../domain/person';

export const allActions = ['read', 'edit', 'comment', 'share', 'agree', 'export', 'erase'] as const;
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
export type PolicyResource =
  | { kind: 'self-evaluation'; docId?: string; schoolId: string; schoolLaCode: number }
  | {
      kind: 'peer-review';
      docId?: string;
      hostSchoolId: string;
      hostLaCode: number;
      reviewerIds: readonly string[];
      sharedWithLa: boolean;
    }
  | {
      kind: 'workspace';
      docId?: string;
      collaborativeId: string;
      memberSchoolIds: readonly string[];
      memberLaCodes: readonly number[];
      convenorId: string;
      facilitatorIds: readonly string[];
    };

/** A decision and a stable reason code (e.g. 'peer-review.not-shared-with-la') for logs and UI. */
export interface Decision {
  allow: boolean;
  reason: string;
}

export type Access = 'owner' | 'editor' | 'viewer';
