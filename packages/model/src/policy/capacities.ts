import type { Action, Actor, PolicyResource } from './types';

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
    'host-headteacher': ALL, // P4, P6
    'host-senior-leader': ['read', 'edit', 'comment', 'agree', 'export'], // P4
    reviewer: ['read', 'edit', 'comment'], // P4
    'host-governor': ['read'], // P5
    'la-shared': ['read'], // P5
    'la-not-shared': [], // P5
  },
  workspace: {
    convenor: ALL, // P8
    'member-leader': ['read', 'edit', 'comment', 'export'], // P7
    'member-practitioner': ['read', 'comment'], // P7
    'member-governor': ['read'], // P9
    facilitator: ['read', 'comment'], // P9
    'member-la': ['read'], // P9
  },
} as const satisfies Record<PolicyResource['kind'], Record<string, readonly Action[]>>;

export type Capacity<K extends PolicyResource['kind']> = keyof (typeof capacityGrants)[K] & string;

function schoolRolesAt(actor: Actor, schoolId: string): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('schoolId' in r && r.schoolId === schoolId ? [r.role] : [])));
}

function laRolesIn(actor: Actor, laCodes: readonly number[]): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('laCode' in r && laCodes.includes(r.laCode) ? [r.role] : [])));
}

export function capacitiesOf(actor: Actor, resource: PolicyResource): string[] {
  switch (resource.kind) {
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
      if (resource.reviewerIds.includes(actor.personId)) caps.push('reviewer');
      if (roles.has('governor')) caps.push('host-governor');
      if (laRolesIn(actor, [resource.hostLaCode]).size > 0) caps.push(resource.sharedWithLa ? 'la-shared' : 'la-not-shared');
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
      if (memberRoles.has('practitioner')) caps.push('member-practitioner');
      if (memberRoles.has('governor')) caps.push('member-governor');
      if (resource.facilitatorIds.includes(actor.personId)) caps.push('facilitator');
      if (laRolesIn(actor, resource.memberLaCodes).size > 0) caps.push('member-la');
      return caps;
    }
  }
}
