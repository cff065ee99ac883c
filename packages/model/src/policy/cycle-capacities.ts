import type { Actor, CycleResource, PolicyResource } from './types';

type PlanResource = Extract<PolicyResource, { kind: 'development-plan' }>;
type ReviewResource = Extract<PolicyResource, { kind: 'progress-review' }>;

function schoolRolesAt(actor: Actor, schoolId: string): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('schoolId' in r && r.schoolId === schoolId ? [r.role] : [])));
}

function laRolesIn(actor: Actor, laCode: number): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('laCode' in r && r.laCode === laCode ? [r.role] : [])));
}

const isPartner = (actor: Actor, laCode: number, partnerIds: readonly string[]): boolean =>
  partnerIds.includes(actor.personId) && laRolesIn(actor, laCode).has('la-facilitator');

/** P35: the school's roles, and a facilitator of its LA, on its development plan. */
export function planCapacities(actor: Actor, resource: PlanResource): string[] {
  const caps: string[] = [...schoolRolesAt(actor, resource.schoolId)];
  if (laRolesIn(actor, resource.schoolLaCode).has('la-facilitator')) caps.push('la-facilitator');
  return caps;
}

/**
 * P36, P38: the school's Improvement Partners and its leaders work in the draft; governors, LA
 * officers and the LA's other facilitators read the confirmed review in the record instead.
 */
export function reviewCapacities(actor: Actor, resource: ReviewResource): string[] {
  const school = schoolRolesAt(actor, resource.schoolId);
  const la = laRolesIn(actor, resource.schoolLaCode);
  const caps: string[] = [];
  if (isPartner(actor, resource.schoolLaCode, resource.partnerIds)) caps.push('partner');
  if (school.has('headteacher') || school.has('senior-leader')) caps.push('school-leader');
  if (caps.length === 0 && (school.has('governor') || la.size > 0)) caps.push('confirmed-only');
  return caps;
}

/** P39-P41. */
export function cycleCapacities(actor: Actor, resource: CycleResource): string[] {
  switch (resource.kind) {
    case 'published-summary':
      // Public: anyone, signed in or not, reads a published summary.
      return [resource.published ? 'public' : 'not-published'];
    case 'support-level': {
      const school = schoolRolesAt(actor, resource.schoolId);
      const la = laRolesIn(actor, resource.schoolLaCode);
      const caps: string[] = [];
      if (isPartner(actor, resource.schoolLaCode, resource.partnerIds)) caps.push('partner');
      if (la.has('la-officer')) caps.push('la-officer');
      if (la.has('la-facilitator')) caps.push('la-facilitator');
      if (school.has('headteacher') || school.has('senior-leader')) caps.push('school-leader');
      if (school.has('governor')) caps.push('school-governor');
      return caps;
    }
    case 'caseload': {
      const la = laRolesIn(actor, resource.laCode);
      const caps: string[] = [];
      if (actor.personId === resource.facilitatorId && la.has('la-facilitator')) caps.push('own');
      if (la.has('la-officer')) caps.push('la-officer');
      return caps;
    }
  }
}
