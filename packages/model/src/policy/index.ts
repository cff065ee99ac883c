export { allActions } from './types';
export type { Access, Action, Actor, Decision, PolicyResource } from './types';
export { decide, resolveAccess } from './decide';
export { capacityGrants } from './capacities';
export { resourceFromRecord } from './resource';
export type { ResourceLookup } from './resource';
