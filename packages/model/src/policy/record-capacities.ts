import type { Actor, RecordResource } from './types';

/**
 * Capacities on an owner's agreed record (P12-P14). Kept apart from the document capacities:
 * a record is what was agreed, so its readers are the owner's leaders and governors and the LA
 * observers who read agreed records instead of drafts (RECORDS.md); practitioners work in the
 * live drafts and are not listed here.
 */
export function recordCapacitiesOf(actor: Actor, resource: RecordResource): string[] {
  const { owner } = resource;
  const schoolIds = owner.type === 'school' ? [owner.schoolId] : owner.memberSchoolIds;
  const laCodes = owner.type === 'school' ? [owner.schoolLaCode] : owner.memberLaCodes;
  const schoolRoles = new Set(actor.roles.flatMap((r) => ('schoolId' in r && schoolIds.includes(r.schoolId) ? [r.role] : [])));
  const laRoles = new Set(actor.roles.flatMap((r) => ('laCode' in r && laCodes.includes(r.laCode) ? [r.role] : [])));
  const caps: string[] = [];
  if (owner.type === 'school') {
    if (schoolRoles.has('headteacher') || schoolRoles.has('senior-leader')) caps.push('school-leader');
    if (schoolRoles.has('governor')) caps.push('school-governor');
    if (laRoles.has('la-facilitator')) caps.push('la-facilitator');
  } else {
    const isConvenor =
      actor.personId === owner.convenorId ||
      actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === owner.collaborativeId);
    if (isConvenor) caps.push('convenor');
    if (schoolRoles.has('headteacher') || schoolRoles.has('senior-leader')) caps.push('member-leader');
    if (schoolRoles.has('governor')) caps.push('member-governor');
    // The collaborative's own facilitators, by name (P12): a facilitator elsewhere in the LA is not one.
    if (owner.facilitatorIds.includes(actor.personId)) caps.push('facilitator');
  }
  if (laRoles.has('la-officer')) caps.push('la-officer');
  return caps;
}
