/**
 * The facts the model's grant policy (decideGrant, decideRevoke, decideViewAccess) needs about a
 * scope, read from our tables: a school with its LA, a collaborative with its member schools and
 * their LAs. Like policy.ts, this only gathers facts; the model decides.
 */
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { RoleAssignment } from '@cydweithio/model/domain/person';
import type { GrantScope } from '@cydweithio/model/policy/index';
import type { DirectoryQueries } from '../directory/directory-queries';

export type SchoolScope = Extract<GrantScope, { type: 'school' }>;

export async function schoolScope(directory: DirectoryQueries, schoolId: string): Promise<SchoolScope | null> {
  const school = await directory.school(schoolId);
  return school ? { type: 'school', schoolId: school.id, laCode: school.laCode } : null;
}

export async function collaborativeScope(directory: DirectoryQueries, collaborative: Collaborative): Promise<GrantScope> {
  const members = await directory.schoolsByIds(collaborative.memberSchoolIds);
  return {
    type: 'collaborative', collaborativeId: collaborative.id,
    memberSchoolIds: members.map((s) => s.id), memberLaCodes: [...new Set(members.map((s) => s.laCode))],
  };
}

/** The scope of a stored assignment, or null when its school or collaborative is gone. */
export async function scopeOfAssignment(directory: DirectoryQueries, assignment: RoleAssignment): Promise<GrantScope | null> {
  if ('schoolId' in assignment) return schoolScope(directory, assignment.schoolId);
  if ('laCode' in assignment) return { type: 'la', laCode: assignment.laCode };
  const collaborative = await directory.collaborative(assignment.collaborativeId);
  return collaborative ? collaborativeScope(directory, collaborative) : null;
}
