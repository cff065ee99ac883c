import { decide } from '@cydweithio/model/policy/decide';
import type { Action } from '@cydweithio/model/policy/types';
import type { RoleAssignment } from '@cydweithio/model/domain/person';
import type { Me } from '../../../api/schemas';

/**
 * Whether the model's policy lets this person do `action` to a school's plan: the screen offers
 * only what the server would allow (the server decides again, by the same policy).
 */
export function mayOnPlan(me: Me | undefined, action: Action, school: { id: string; laCode?: number | undefined }): boolean {
  if (!me || school.laCode === undefined) return false;
  const actor = { personId: me.person.id, roles: me.roles as unknown as RoleAssignment[] };
  return decide(actor, action, { kind: 'development-plan', schoolId: school.id, schoolLaCode: school.laCode }).allow;
}
