import { creatableSchoolKinds } from '@cydweithio/model/policy/creation';
import type { RoleAssignment } from '@cydweithio/model/domain/person';
import type { Me, SchoolSummary } from '../../api/schemas';

/** The kinds this person may start for a school, by the model's policy (P30); none without its LA. */
export function creatableKinds(me: Me | undefined, school: SchoolSummary): string[] {
  if (!me || school.laCode === undefined) return [];
  const actor = { personId: me.person.id, roles: me.roles as unknown as RoleAssignment[] };
  return creatableSchoolKinds(actor, { id: school.id, laCode: school.laCode });
}

/** The schools for which this person may start at least one document. */
export function schoolsWithCreatableKinds(me: Me | undefined): SchoolSummary[] {
  return (me?.schools ?? []).filter((school) => creatableKinds(me, school).length > 0);
}
