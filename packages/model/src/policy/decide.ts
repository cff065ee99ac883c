import { capacitiesOf, capacityGrants } from './capacities';
import type { Access, Action, Actor, Decision, PolicyResource, PolicySubject } from './types';

/** Deny reasons more telling than "not permitted", keyed by kind and action. */
const specificDenials: Partial<Record<PolicySubject['kind'], Partial<Record<Action, string>>>> = {
  'self-evaluation': { erase: 'self-evaluation.erase-headteacher-only' },
  'peer-review': { share: 'peer-review.host-headteacher-only', erase: 'peer-review.host-headteacher-only', agree: 'peer-review.never-recorded' },
  workspace: { share: 'workspace.convenor-only', agree: 'workspace.convenor-only', erase: 'workspace.convenor-only' },
  'development-plan': { approve: 'development-plan.governors-approve', erase: 'development-plan.erase-headteacher-only' },
  'progress-review': { erase: 'progress-review.partner-only' },
  'review-extract': { edit: 'review-extract.host-only', share: 'review-extract.host-only', erase: 'review-extract.host-only', agree: 'review-extract.never-recorded' },
  // P83: a facilitator holds an LA role, but the continuum is the LA officers' alone.
  continuum: { read: 'continuum.officers-only', edit: 'continuum.officers-only' },
  'la-settings': { edit: 'la-settings.officers-only' },
  'caseload-assignment': { edit: 'caseload-assignment.officers-only' },
};

/** What an archived document refuses (P96): every action that changes its content or agrees it. */
const archivedRefuses: readonly Action[] = ['edit', 'comment', 'agree', 'approve', 'confirm'];

/** A capacity that grants nothing but says why (P5, P38, P39), when it is the actor's only one. */
const emptyCapacityReasons: Record<string, string> = {
  'la-not-shared': 'peer-review.not-shared-with-la',
  'reviewer-expired': 'peer-review.retention-passed',
  'confirmed-only': 'progress-review.confirmed-only',
  'not-published': 'published-summary.not-published',
};

/**
 * The one permission policy (P-rules). Pure: everything it needs is in the arguments.
 * Allowed when any of the actor's capacities on the resource grants the action; the reason
 * names that capacity (e.g. 'peer-review.reviewer').
 */
export function decide(actor: Actor, action: Action, resource: PolicySubject): Decision {
  // P96: an archived document keeps its readers, owners and shares; nobody writes in it.
  if ('archived' in resource && resource.archived === true && archivedRefuses.includes(action)) {
    const open = decide(actor, action, { ...resource, archived: false });
    return open.allow ? { allow: false, reason: `${resource.kind}.archived` } : open;
  }
  const grants: Record<string, readonly Action[]> = capacityGrants[resource.kind];
  const capacities = capacitiesOf(actor, resource);
  for (const capacity of capacities) {
    if (grants[capacity]?.includes(action)) return { allow: true, reason: `${resource.kind}.${capacity}` };
  }
  if (capacities.length === 0) return { allow: false, reason: `${resource.kind}.no-access` };
  const only = capacities.length === 1 ? emptyCapacityReasons[capacities[0] ?? ''] : undefined;
  if (only !== undefined) return { allow: false, reason: only };
  return { allow: false, reason: specificDenials[resource.kind]?.[action] ?? `${resource.kind}.${action}-not-permitted` };
}

/**
 * Connection-level access for the sync server, derived from decide() so the two can never
 * disagree (P10): owner may share or erase, editor may edit, viewer may read.
 */
export function resolveAccess(actor: Actor, resource: PolicyResource): Access | null {
  const can = (action: Action): boolean => decide(actor, action, resource).allow;
  // P96: on an archived document everyone who reads it is a viewer, so the socket refuses writes.
  if (resource.archived === true) return can('read') ? 'viewer' : null;
  if (can('share') || can('erase')) return 'owner';
  if (can('edit')) return 'editor';
  if (can('read')) return 'viewer';
  return null;
}
