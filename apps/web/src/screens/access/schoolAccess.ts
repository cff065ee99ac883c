/**
 * The school's access list from the server (ACCESS.md A73) and the model's answer to which
 * school roles this person may offer (P16, grantableRoles). The server decides every grant
 * again: the list of offered roles only keeps the form from offering what would be refused.
 */
import * as z from 'zod/mini';
import { grantableRoles } from '@cydweithio/model/policy/grants';
import { schoolRoles, type RoleAssignment } from '@cydweithio/model/domain/person';
import { Name, type Me } from '../../api/schemas';

const NamedRef = z.looseObject({ id: z.string(), name: z.nullish(z.string()) });

export const SchoolAccess = z.looseObject({
  school: z.looseObject({ id: z.string(), name: Name, laCode: z.number() }),
  roles: z.array(z.looseObject({
    id: z.string(),
    role: z.string(),
    person: z.looseObject({ id: z.string(), name: z.string(), email: z.string() }),
    grantedBy: z.nullish(NamedRef),
    grantedAt: z.string(),
    removable: z.boolean(),
  })),
  invitations: z._default(z.array(z.looseObject({ id: z.string(), role: z.string(), email: z.nullish(z.string()), invitedBy: NamedRef, expiresAt: z.string() })), []),
});
export type SchoolAccess = z.infer<typeof SchoolAccess>;

/** The school roles this person may offer at a school, by the model's grant policy. */
export function offeredSchoolRoles(me: Me | undefined, school: { id: string; laCode: number }): string[] {
  if (!me) return [];
  const actor = { personId: me.person.id, roles: me.roles as unknown as RoleAssignment[] };
  return grantableRoles(actor, { type: 'school', schoolId: school.id, laCode: school.laCode }, schoolRoles);
}
