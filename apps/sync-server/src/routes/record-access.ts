/**
 * Shared steps of the record routes, like document-access.ts for documents: parse the owner
 * key, gather the owner's facts and ask the model's policy (P12-P14). The layer decides nothing
 * itself. Refusals: 400 request.invalid for a malformed key, 404 record.not-found for an unknown
 * owner, 403 record.forbidden with the policy's reason as detail.
 */
import type { Context } from 'hono';
import { recordResourceFor } from '@cydweithio/model/policy/index';
import type { RecordControl } from '../access/context';
import type { AccessServices } from '../access/services';
import { decide, loadActor, loadLookup, type Action, type Actor } from '../access/policy';
import { ownerKeyOf, parseOwnerKey, type RecordOwner } from '../records/owner-key';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';

export interface RecordContext {
  ownerKey: string;
  owner: RecordOwner;
  actor: Actor;
  records: RecordControl;
}

export function recordOwnerFrom(c: Context<AccessEnv>): RecordOwner {
  const owner = parseOwnerKey(c.req.param('ownerKey') ?? '');
  if (!owner) {
    throw new ProblemError('request.invalid', { errors: [{ path: 'ownerKey', message: 'Expected school:<school number> or collaborative:<id>.' }] });
  }
  return owner;
}

export async function recordFor(services: AccessServices, c: Context<AccessEnv>, action: Action, owner = recordOwnerFrom(c)): Promise<RecordContext> {
  const personId = requireSignIn(c);
  const lookup = await loadLookup(services.directory, owner.type === 'school' ? { schoolIds: [owner.schoolId] } : { collaborativeIds: [owner.collaborativeId] });
  const resource = recordResourceFor(owner, lookup);
  if (!resource) throw new ProblemError('record.not-found');
  const actor = await loadActor(services.directory, personId);
  const decision = decide(actor, action, resource);
  if (!decision.allow) throw new ProblemError('record.forbidden', { detail: decision.reason });
  if (!services.records) throw new ProblemError('server.unavailable', { detail: 'Records need the record layer.' });
  return { ownerKey: ownerKeyOf(owner), owner, actor, records: services.records };
}

/** A version hash of this record, or 404 record.version-not-found (K7). */
export async function knownVersion(context: RecordContext, hash: string): Promise<string> {
  const versions = await context.records.versions(context.ownerKey);
  if (!versions.some((v) => v.hash === hash)) throw new ProblemError('record.version-not-found', { detail: hash });
  return hash;
}
