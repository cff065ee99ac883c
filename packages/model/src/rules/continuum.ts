import type { RoleAssignment } from '../domain/person';

/**
 * M8: the support continuum is internal to the LA. Only LA officers see it, and only for their
 * own LA; a person who is both a governor and an LA officer sees it through the LA role alone.
 */
export function canSeeSupportContinuum(roles: readonly RoleAssignment[], laCode?: number): boolean {
  return roles.some(
    (r) => r.role === 'la-officer' && (laCode === undefined || r.laCode === laCode),
  );
}
