import { laPictureCapacities } from './la-capacities';
import { recordCapacitiesOf } from './record-capacities';
import { cycleCapacities, planCapacities, reviewCapacities } from './cycle-capacities';
import type { Action, Actor, PolicySubject } from './types';

/**
 * A capacity is the relationship an actor has with one document ("host headteacher",
 * "named reviewer", ...). Each capacity grants a fixed set of actions (P-rules in SPEC.md).
 * Keeping relationship and grant apart means one table says who may do what.
 */
const ALL: readonly Action[] = ['read', 'edit', 'comment', 'share', 'agree', 'export', 'erase'];

export const capacityGrants = {
  'self-evaluation': {
    headteacher: ALL, // P1
    'senior-leader': ['read', 'edit', 'comment', 'share', 'agree', 'export'], // P1
    practitioner: ['read', 'edit', 'comment'], // P2
    governor: ['read', 'comment', 'export'], // P2
    'la-facilitator': ['read', 'comment'], // P3
  },
  'peer-review': {
    // No agree (P11): a confidential write-up is never copied into a record others read.
    'host-headteacher': ['read', 'edit', 'comment', 'share', 'export', 'erase'], // P4, P6
    'host-senior-leader': ['read', 'edit', 'comment', 'export'], // P4
    reviewer: ['read', 'edit', 'comment'], // P4
    // Closed: reviewers become readers until the host's retention date, then lose access (P62).
    'reviewer-closed': ['read'], // P62
    'reviewer-expired': [], // P62
    // Host staff the headteacher put on the team, practitioners included (P61).
    'host-staff': ['read', 'edit', 'comment'], // P61
    'host-staff-closed': ['read'], // P62
    // Whoever the host shared it with (a person, a collaborative, the school's facilitator) reads it (P63).
    'shared-reader': ['read'], // P63
    'host-governor': ['read'], // P5
    'la-shared': ['read'], // P5
    'la-not-shared': [], // P5
  },
  workspace: {
    convenor: ALL, // P8
    'member-leader': ['read', 'edit', 'comment', 'export'], // P7
    // A member school's named contact speaks for the school in the collaborative (P17).
    'member-contact': ['read', 'edit', 'comment'], // P21
    'member-practitioner': ['read', 'comment'], // P7
    'member-governor': ['read'], // P9
    facilitator: ['read', 'comment'], // P9
    'member-la': ['read'], // P9
  },
  'development-plan': {
    headteacher: ['read', 'edit', 'comment', 'agree', 'export', 'erase'], // P35
    'senior-leader': ['read', 'edit', 'comment', 'agree', 'export'], // P35
    practitioner: ['read', 'comment'], // P35
    // The governing body prepares and approves the plan (P35, P37): its members comment and approve.
    governor: ['read', 'comment', 'export', 'approve'], // P35, P37
    'la-facilitator': ['read', 'comment'], // P35
  },
  'progress-review': {
    partner: ['read', 'edit', 'comment', 'export', 'confirm', 'erase'], // P36, P37
    'school-leader': ['read', 'edit', 'comment', 'export', 'confirm'], // P36, P37
    // Governors and the LA read what was confirmed, in the record; the draft is working notes (P38).
    'confirmed-only': [], // P38
  },
  'review-extract': {
    // P130: the host school's leaders write it (a refresh overwrites it from the review); no agree:
    // a review's words are never copied into a record (P11, K9).
    'host-headteacher': ['read', 'edit', 'comment', 'share', 'export', 'erase'], // P130
    'host-senior-leader': ['read', 'edit', 'comment', 'export'], // P130
    // The collaborative's convenor and its member schools' leaders read it, as a collaborative share (P63).
    'collaborative-reader': ['read'], // P130
  },
  'published-summary': { public: ['read'], 'not-published': [] }, // P39
  'support-level': {
    partner: ['read', 'agree'], // P40
    'la-officer': ['read', 'agree'], // P40
    'la-facilitator': ['read'], // P40
    'school-leader': ['read'], // P40
    'school-governor': ['read'], // P40
  },
  caseload: { own: ['read'], 'la-officer': ['read'] }, // P41
  // The LA's picture (P76-P89): LA roles of the LA only; the continuum is the officers' alone.
  'la-overview': { 'la-officer': ['read', 'export'], 'la-facilitator': ['read', 'export'] }, // P76, P77
  'la-settings': { 'la-officer': ['read', 'edit'], 'la-facilitator': ['read'] }, // P78
  'item-themes': { 'school-leader': ['read', 'edit'], convenor: ['read', 'edit'], 'la-officer': ['read', 'edit'], 'la-facilitator': ['read', 'edit'] }, // P79
  'brokered-support': { 'la-facilitator': ['read', 'agree'], 'la-officer': ['read', 'agree'] }, // P80
  'support-ledger': { 'la-officer': ['read', 'export'], 'la-facilitator': ['read', 'export'] }, // P81
  continuum: { 'la-officer': ['read', 'edit'], 'la-facilitator': [] }, // P82, P83
  'caseload-assignment': { 'la-officer': ['read', 'edit'], 'la-facilitator': ['read'] }, // P84
  // Records are append-only: nobody edits, comments on, shares or erases an agreement (P14).
  record: {
    'school-leader': ['read', 'agree', 'export'], // P12, P13
    'school-governor': ['read', 'export'], // P12
    'la-facilitator': ['read', 'agree', 'export'], // P12, P13
    'la-officer': ['read', 'export'], // P12
    convenor: ['read', 'agree', 'export'], // P12, P13
    'member-leader': ['read', 'export'], // P12
    'member-governor': ['read', 'export'], // P12
    facilitator: ['read', 'export'], // P12
  },
} as const satisfies Record<PolicySubject['kind'], Record<string, readonly Action[]>>;

export type Capacity<K extends PolicySubject['kind']> = keyof (typeof capacityGrants)[K] & string;

function schoolRolesAt(actor: Actor, schoolId: string): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('schoolId' in r && r.schoolId === schoolId ? [r.role] : [])));
}

function laRolesIn(actor: Actor, laCodes: readonly number[]): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('laCode' in r && laCodes.includes(r.laCode) ? [r.role] : [])));
}

export function capacitiesOf(actor: Actor, resource: PolicySubject): string[] {
  switch (resource.kind) {
    case 'record':
      return recordCapacitiesOf(actor, resource);
    case 'development-plan':
      return planCapacities(actor, resource);
    case 'progress-review':
      return reviewCapacities(actor, resource);
    case 'published-summary':
    case 'support-level':
    case 'caseload':
      return cycleCapacities(actor, resource);
    case 'la-overview':
    case 'la-settings':
    case 'item-themes':
    case 'brokered-support':
    case 'support-ledger':
    case 'continuum':
    case 'caseload-assignment':
      return laPictureCapacities(actor, resource);
    case 'self-evaluation': {
      const caps: string[] = [...schoolRolesAt(actor, resource.schoolId)];
      if (laRolesIn(actor, [resource.schoolLaCode]).has('la-facilitator')) caps.push('la-facilitator');
      return caps;
    }
    case 'peer-review': {
      const roles = schoolRolesAt(actor, resource.hostSchoolId);
      const caps: string[] = [];
      if (roles.has('headteacher')) caps.push('host-headteacher');
      if (roles.has('senior-leader')) caps.push('host-senior-leader');
      const closed = resource.stage === 'closed';
      if (resource.reviewerIds.includes(actor.personId)) caps.push(!closed ? 'reviewer' : resource.retentionPassed ? 'reviewer-expired' : 'reviewer-closed');
      if (resource.hostStaffIds?.includes(actor.personId)) caps.push(closed ? 'host-staff-closed' : 'host-staff');
      const leaderAtShared = (resource.sharedWithSchoolIds ?? []).some((id) => {
        const at = schoolRolesAt(actor, id);
        return at.has('headteacher') || at.has('senior-leader');
      });
      if (resource.sharedWithPersonIds?.includes(actor.personId) || leaderAtShared) caps.push('shared-reader');
      if (roles.has('governor')) caps.push('host-governor');
      if (laRolesIn(actor, [resource.hostLaCode]).size > 0) caps.push(resource.sharedWithLa ? 'la-shared' : 'la-not-shared');
      return caps;
    }
    case 'review-extract': {
      const roles = schoolRolesAt(actor, resource.hostSchoolId);
      const caps: string[] = [];
      if (roles.has('headteacher')) caps.push('host-headteacher');
      if (roles.has('senior-leader')) caps.push('host-senior-leader');
      const leaderAtMember = resource.memberSchoolIds.some((id) => {
        const at = schoolRolesAt(actor, id);
        return at.has('headteacher') || at.has('senior-leader');
      });
      const isConvenor = actor.personId === resource.convenorId
        || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === resource.collaborativeId);
      if (isConvenor || leaderAtMember) caps.push('collaborative-reader');
      return caps;
    }
    case 'workspace': {
      const caps: string[] = [];
      const isConvenor =
        actor.personId === resource.convenorId ||
        actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === resource.collaborativeId);
      if (isConvenor) caps.push('convenor');
      const memberRoles = new Set(resource.memberSchoolIds.flatMap((id) => [...schoolRolesAt(actor, id)]));
      if (memberRoles.has('headteacher') || memberRoles.has('senior-leader')) caps.push('member-leader');
      if (actor.roles.some((r) => r.role === 'member-contact' && r.collaborativeId === resource.collaborativeId)) caps.push('member-contact');
      if (memberRoles.has('practitioner')) caps.push('member-practitioner');
      if (memberRoles.has('governor')) caps.push('member-governor');
      if (resource.facilitatorIds.includes(actor.personId)) caps.push('facilitator');
      if (laRolesIn(actor, resource.memberLaCodes).size > 0) caps.push('member-la');
      return caps;
    }
  }
}
