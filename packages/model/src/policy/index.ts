export { allActions } from './types';
export type { Access, Action, Actor, Decision, PolicyResource, PolicySubject, RecordOwnerFacts, RecordResource } from './types';
export { decide, resolveAccess } from './decide';
export { decideResolveComment } from './comments';
export { capacityGrants } from './capacities';
export { resourceFromRecord, recordResourceFor } from './resource';
export type { ResourceLookup } from './resource';
export { decideGrant, decideRevoke, grantableRoles, rolesIn } from './grants';
export type { Grant, GrantScope } from './grants';
