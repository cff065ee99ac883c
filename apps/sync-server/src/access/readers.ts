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

async function candidatePeople(directory: DirectoryQueries, resource: PolicyResource): Promise<string[]> {
  const ids = async (lists: Promise<{ id: string }[]>[]) => (await Promise.all(lists)).flat().map((p) => p.id);
  const atSchools = (schoolIds: readonly string[]) => ids(schoolIds.map((id) => directory.holders('school', id)));
  const inLas = (codes: readonly number[]) => ids(codes.map((code) => directory.holders('la', String(code))));
  switch (resource.kind) {
    case 'self-evaluation':
    case 'development-plan':
    case 'progress-review':
      return [...await atSchools([resource.schoolId]), ...await inLas([resource.schoolLaCode])];
    case 'peer-review':
      return [
        ...await atSchools([resource.hostSchoolId]), ...resource.reviewerIds, ...(resource.hostStaffIds ?? []), ...await inLas([resource.hostLaCode]),
        // Whoever the host shared it with (G14): named people, facilitators, convenors, collaborative members' leaders.
        ...(resource.sharedWithPersonIds ?? []), ...await atSchools(resource.sharedWithSchoolIds ?? []),
      ];
    case 'review-extract':
      // G40: the host school, and who reads a collaborative share: its convenor and members' leaders.
      return [...await atSchools([resource.hostSchoolId]), resource.convenorId, ...await atSchools(resource.memberSchoolIds)];
    case 'workspace':
      return [
        resource.convenorId, ...await ids([directory.holders('collaborative', resource.collaborativeId)]),
        ...await atSchools(resource.memberSchoolIds), ...resource.facilitatorIds, ...await inLas(resource.memberLaCodes),
      ];
  }
}

export async function readersOf(directory: DirectoryQueries, resource: PolicyResource): Promise<Reader[]> {
  const people = await directory.peopleByIds([...new Set(await candidatePeople(directory, resource))]);
  const readers = await Promise.all(people.map(async (person) => {
    const actor = await loadActor(directory, person.id);
    const access = resolveAccess(actor, resource);
    return access ? [{ personId: person.id, name: person.name, role: grantingRole(actor, resource).role, access }] : [];
  }));
  return readers.flat().sort((a, b) => a.name.localeCompare(b.name));
}

/** The schools and collaboratives whose documents the person might read (the policy filters). */
export async function listingScope(directory: DirectoryQueries, actor: Actor) {
  const ownSchools = actor.roles.flatMap((r) => ('schoolId' in r ? [r.schoolId] : []));
  const laCodes = [...new Set(actor.roles.flatMap((r) => ('laCode' in r ? [r.laCode] : [])))];
  const laSchools = (await Promise.all(laCodes.map((code) => directory.schools(code)))).flat().map((s) => s.id);
  const schoolIds = [...new Set([...ownSchools, ...laSchools])];
  const collaborativeIds = [...new Set([
    ...await collaborativeIdsOf(directory, actor.personId, actor.roles),
    ...await directory.collaborativeIdsOfSchools(laSchools),
  ])];
  return { schoolIds, collaborativeIds, reviewerId: actor.personId };
}
