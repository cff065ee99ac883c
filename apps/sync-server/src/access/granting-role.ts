/**
 * The role shown beside a person's presence (and in the readers list): the role that gives
 * them access to this document, e.g. 'headteacher' at the host school or 'la-officer'. Only a
 * label: the access itself always comes from the policy.
 */
import type { Actor, PolicyResource } from './policy';

const schoolRoleOrder = ['headteacher', 'senior-leader', 'practitioner', 'governor'];

function schoolRole(actor: Actor, schoolIds: readonly string[]): { role: string; schoolId: string } | undefined {
  const held = actor.roles.flatMap((r) => ('schoolId' in r && schoolIds.includes(r.schoolId) ? [{ role: r.role, schoolId: r.schoolId }] : []));
  return held.sort((a, b) => schoolRoleOrder.indexOf(a.role) - schoolRoleOrder.indexOf(b.role))[0];
}

function laRole(actor: Actor, laCodes: readonly number[]): string | undefined {
  const held = actor.roles.flatMap((r) => ('laCode' in r && laCodes.includes(r.laCode) ? [r.role] : []));
  return held.includes('la-officer') ? 'la-officer' : held[0];
}

/** A person's own school (their highest school role anywhere), shown beside a visiting role. */
function ownSchoolId(actor: Actor): string | undefined {
  const schoolIds = actor.roles.flatMap((r) => ('schoolId' in r ? [r.schoolId] : []));
  return schoolRole(actor, schoolIds)?.schoolId;
}

function withOwnSchool(actor: Actor, role: string): { role: string; schoolId?: string } {
  const schoolId = ownSchoolId(actor);
  return schoolId ? { role, schoolId } : { role };
}

export function grantingRole(actor: Actor, resource: PolicyResource): { role: string; schoolId?: string } {
  switch (resource.kind) {
    case 'development-plan':
    case 'progress-review':
    case 'self-evaluation':
      return schoolRole(actor, [resource.schoolId]) ?? { role: laRole(actor, [resource.schoolLaCode]) ?? 'unknown' };
    case 'peer-review': {
      const atHost = schoolRole(actor, [resource.hostSchoolId]);
      if (atHost) return atHost;
      if (resource.reviewerIds.includes(actor.personId)) return withOwnSchool(actor, 'reviewer');
      // G32: whoever reads it because the host shared it (a named person, a collaborative's
      // leaders and convenor, the school's facilitators) says so, never "role not recorded".
      const sharedWith = (resource.sharedWithPersonIds ?? []).includes(actor.personId)
        || schoolRole(actor, resource.sharedWithSchoolIds ?? []) !== undefined;
      if (sharedWith) return withOwnSchool(actor, 'shared-reader');
      return { role: laRole(actor, [resource.hostLaCode]) ?? 'unknown' };
    }
    case 'review-extract': {
      const atHost = schoolRole(actor, [resource.hostSchoolId]);
      if (atHost) return atHost;
      if (actor.personId === resource.convenorId) return withOwnSchool(actor, 'convenor');
      return schoolRole(actor, resource.memberSchoolIds) ?? { role: 'unknown' };
    }
    case 'workspace': {
      const isConvenor = actor.personId === resource.convenorId
        || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === resource.collaborativeId);
      if (isConvenor) return withOwnSchool(actor, 'convenor');
      const atSchool = schoolRole(actor, resource.memberSchoolIds);
      if (atSchool) return atSchool;
      if (resource.facilitatorIds.includes(actor.personId)) return { role: 'la-facilitator' };
      return { role: laRole(actor, resource.memberLaCodes) ?? 'unknown' };
    }
  }
}
