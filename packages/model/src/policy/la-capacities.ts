import type { Actor, LaPictureResource } from './types';

/**
 * P76-P89: who stands where in the LA's picture. An LA role counts only in its own LA; a school's
 * leaders and a collaborative's convenor tag their own agreed items; nobody at a school, no
 * governor and nobody signed out has any capacity on the continuum (P83).
 */
function laRolesIn(actor: Actor, laCodes: readonly number[]): Set<string> {
  return new Set(actor.roles.flatMap((r) => ('laCode' in r && laCodes.includes(r.laCode) ? [r.role] : [])));
}

export function laPictureCapacities(actor: Actor, resource: LaPictureResource): string[] {
  switch (resource.kind) {
    case 'la-overview':
    case 'la-settings':
    case 'support-ledger':
    case 'continuum':
    case 'caseload-assignment': {
      const la = laRolesIn(actor, resource.kind === 'la-overview' ? resource.laCodes : [resource.laCode]);
      return [...(la.has('la-officer') ? ['la-officer'] : []), ...(la.has('la-facilitator') ? ['la-facilitator'] : [])];
    }
    case 'brokered-support': {
      const la = laRolesIn(actor, [resource.schoolLaCode]);
      return [...(la.has('la-officer') ? ['la-officer'] : []), ...(la.has('la-facilitator') ? ['la-facilitator'] : [])];
    }
    case 'item-themes': {
      const { owner } = resource;
      const caps: string[] = [];
      if (owner.type === 'school') {
        if (actor.roles.some((r) => 'schoolId' in r && r.schoolId === owner.schoolId && (r.role === 'headteacher' || r.role === 'senior-leader'))) caps.push('school-leader');
      } else if (actor.personId === owner.convenorId || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === owner.collaborativeId)) {
        caps.push('convenor');
      }
      const la = laRolesIn(actor, owner.type === 'school' ? [owner.schoolLaCode] : owner.memberLaCodes);
      if (la.has('la-officer')) caps.push('la-officer');
      if (la.has('la-facilitator')) caps.push('la-facilitator');
      return caps;
    }
  }
}
