import { z } from 'zod';
import { bidiControlMessage, hasBidiControl } from './displayText';
import { LaCode } from './localAuthority';
import { SchoolId } from './school';

export const schoolRoles = ['headteacher', 'senior-leader', 'practitioner', 'governor'] as const;
/** Roles within one collaborative: convenor (joint convenors are each a convenor) and a member school's contact. */
export const collaborativeRoles = ['convenor', 'member-contact'] as const;
export const laRoles = ['la-facilitator', 'la-officer'] as const;
export const allRoles = [...schoolRoles, ...collaborativeRoles, ...laRoles] as const;
export type SchoolRole = (typeof schoolRoles)[number];
export type CollaborativeRole = (typeof collaborativeRoles)[number];
export type LaRole = (typeof laRoles)[number];
export type Role = (typeof allRoles)[number];
export const Role = z.enum(allRoles);

/** A person who holds an account. Learners and parents are sources of evidence, never accounts. */
export const Person = z.object({
  id: z.string().min(1),
  name: z.string().min(1).refine((text) => !hasBidiControl(text), { message: bidiControlMessage }),
  email: z.email(),
});
export type Person = z.infer<typeof Person>;

/** Where a role applies: a school, a collaborative (convenor, member contact) or an LA. */
export const RoleAssignment = z.union([
  z.object({ role: z.enum(schoolRoles), schoolId: SchoolId }),
  z.object({ role: z.enum(collaborativeRoles), collaborativeId: z.string().min(1) }),
  z.object({ role: z.enum(laRoles), laCode: LaCode }),
]);
export type RoleAssignment = z.infer<typeof RoleAssignment>;

export const PersonWithRoles = Person.extend({ roles: z.array(RoleAssignment) });
export type PersonWithRoles = z.infer<typeof PersonWithRoles>;

export function isLaRole(role: Role): role is LaRole {
  return role === 'la-facilitator' || role === 'la-officer';
}

export function isSchoolRole(role: Role): role is SchoolRole {
  return (schoolRoles as readonly Role[]).includes(role);
}

export function isCollaborativeRole(role: Role): role is CollaborativeRole {
  return (collaborativeRoles as readonly Role[]).includes(role);
}
