/**
 * Who may read a document, and which documents to consider for a person's listing. Both only
 * gather candidates (people connected to the owner, documents connected to the person); the
 * model's policy then decides each one, so a wide net here can never grant anything.
 */
import type { DirectoryQueries } from '../directory/directory-queries';
import { collaborativeIdsOf } from './actor';
import { grantingRole } from './granting-role';
import { loadActor, resolveAccess, type Access, type Actor, type PolicyResource } from './policy';

export interface Reader {
  personId: string;
  name: string;
  role: string;
  access: Access;
}

function candidatePeople(directory: DirectoryQueries, resource: PolicyResource): string[] {
  const atSchools = (ids: readonly string[]) => ids.flatMap((id) => directory.holders('school', id).map((p) => p.id));
  const inLas = (codes: readonly number[]) => codes.flatMap((code) => directory.holders('la', String(code)).map((p) => p.id));
  switch (resource.kind) {
    case 'self-evaluation':
      return [...atSchools([resource.schoolId]), ...inLas([resource.schoolLaCode])];
    case 'peer-review':
      return [...atSchools([resource.hostSchoolId]), ...resource.reviewerIds, ...inLas([resource.hostLaCode])];
    case 'workspace':
      return [
        resource.convenorId, ...directory.holders('collaborative', resource.collaborativeId).map((p) => p.id),
        ...atSchools(resource.memberSchoolIds), ...resource.facilitatorIds, ...inLas(resource.memberLaCodes),
      ];
  }
}

export function readersOf(directory: DirectoryQueries, resource: PolicyResource): Reader[] {
  const people = directory.peopleByIds([...new Set(candidatePeople(directory, resource))]);
  return people.flatMap((person) => {
    const actor = loadActor(directory, person.id);
    const access = resolveAccess(actor, resource);
    return access ? [{ personId: person.id, name: person.name, role: grantingRole(actor, resource).role, access }] : [];
  }).sort((a, b) => a.name.localeCompare(b.name));
}

/** The schools and collaboratives whose documents the person might read (the policy filters). */
export function listingScope(directory: DirectoryQueries, actor: Actor) {
  const ownSchools = actor.roles.flatMap((r) => ('schoolId' in r ? [r.schoolId] : []));
  const laSchools = actor.roles.flatMap((r) => ('laCode' in r ? directory.schools(r.laCode).map((s) => s.id) : []));
  const schoolIds = [...new Set([...ownSchools, ...laSchools])];
  const collaborativeIds = [...new Set([
    ...collaborativeIdsOf(directory, actor.personId, actor.roles),
    ...directory.collaborativeIdsOfSchools(laSchools),
  ])];
  return { schoolIds, collaborativeIds, reviewerId: actor.personId };
}
