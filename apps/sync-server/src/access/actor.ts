/**
 * The signed-in person as the model's policy sees them: their role assignments plus the
 * memberships those imply (a school's staff belong to the school's collaboratives; a convenor
 * and a facilitator to theirs). Loaded fresh for every decision so a revoked role bites at once.
 */
import type { RoleAssignment } from '@cydweithio/model/domain/person';
import type { DirectoryQueries } from '../directory/directory-queries';

/** Collaboratives the person takes part in: through their schools, as convenor or as facilitator. */
export async function collaborativeIdsOf(directory: DirectoryQueries, personId: string, roles: readonly RoleAssignment[]): Promise<string[]> {
  const schoolIds = roles.flatMap((r) => ('schoolId' in r ? [r.schoolId] : []));
  const convened = roles.flatMap((r) => ('collaborativeId' in r ? [r.collaborativeId] : []));
  const [throughSchools, facilitated] = await Promise.all([directory.collaborativeIdsOfSchools(schoolIds), directory.collaborativeIdsFacilitatedBy(personId)]);
  return [...new Set([...throughSchools, ...convened, ...facilitated])];
}
