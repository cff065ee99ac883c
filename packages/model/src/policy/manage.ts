import { capacitiesOf } from './capacities';
import type { Actor, Decision, PolicyResource } from './types';

/** Renaming a document, archiving it and restoring it from the archive (P95). */
export const manageActions = ['rename', 'archive', 'restore'] as const;
export type ManageAction = (typeof manageActions)[number];

/**
 * P95: who looks after a document as a whole (its name and whether it is archived): the people
 * who lead what owns it. A school's headteacher and senior leaders for its self-evaluation and
 * plan; the host school's headteacher and senior leaders for a peer review (the write-up is the
 * host's); the partner and the school's leaders for a progress review they write together; the
 * convenor for a collaborative's workspace. Editors who are not leaders, readers, governors and
 * observers do not: archiving takes a document away from everyone who writes in it.
 */
const managingCapacities: Record<PolicyResource['kind'], readonly string[]> = {
  'self-evaluation': ['headteacher', 'senior-leader'],
  'development-plan': ['headteacher', 'senior-leader'],
  'peer-review': ['host-headteacher', 'host-senior-leader'],
  'progress-review': ['partner', 'school-leader'],
  workspace: ['convenor'],
  // P131: the host school's leaders archive (withdraw) or rename an extract; its readers do not.
  'review-extract': ['host-headteacher', 'host-senior-leader'],
};

/**
 * The same answer for all three actions, archived or not (an owner restores what they archived
 * and may rename while it is open); the reason is `<kind>.<capacity>` when allowed,
 * `<kind>.no-access` for someone with nothing there, `<kind>.manage-owner-only` otherwise.
 */
export function decideManage(actor: Actor, action: ManageAction, resource: PolicyResource): Decision {
  const capacities = capacitiesOf(actor, { ...resource, archived: false });
  const managing = capacities.find((c) => managingCapacities[resource.kind].includes(c));
  if (managing !== undefined) {
    // Renaming changes what the document says about itself: not while it is archived (P96).
    if (action === 'rename' && resource.archived === true) return { allow: false, reason: `${resource.kind}.archived` };
    return { allow: true, reason: `${resource.kind}.${managing}` };
  }
  return { allow: false, reason: capacities.length === 0 ? `${resource.kind}.no-access` : `${resource.kind}.manage-owner-only` };
}
