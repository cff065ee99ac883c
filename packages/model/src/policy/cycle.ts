import { capacitiesOf } from './capacities';
import { decide } from './decide';
import type { Actor, Decision, PolicyResource, RecordResource } from './types';

/**
 * P37: which side of a progress review this actor's confirmation stands for. A review is agreed
 * into the record only with both: the Improvement Partner's and the school's (its headteacher
 * or a senior leader). Null when the actor may not confirm it.
 */
export function confirmationSide(actor: Actor, resource: PolicyResource): 'facilitator' | 'school' | null {
  if (resource.kind !== 'progress-review' || !decide(actor, 'confirm', resource).allow) return null;
  return capacitiesOf(actor, resource).includes('partner') ? 'facilitator' : 'school';
}

/**
 * P42: "restore as a new draft" writes an agreed version back into a live document. It needs
 * both doors: reading the record it comes from and editing the document it goes into.
 */
export function decideRestore(actor: Actor, record: RecordResource, target: PolicyResource): Decision {
  const read = decide(actor, 'read', record);
  if (!read.allow) return read;
  return decide(actor, 'edit', target);
}
