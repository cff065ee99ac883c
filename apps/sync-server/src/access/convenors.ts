/**
 * A collaborative's convenors, all of them (the first-named and the joint ones), and the one
 * check every route that changes them makes (P114, G36): never leave none.
 */
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import { decideConvenorChange } from '@cydweithio/model/policy/index';
import { ProblemError } from '../routes/problem';
import { loadActor } from './policy';
import type { AccessServices } from './services';

/** Everyone holding the convenor role on it, longest-standing first. */
export async function convenorIdsOf(services: AccessServices, collaborativeId: string): Promise<string[]> {
  const held = await services.roleGrants.inScope('collaborative', collaborativeId);
  return [...new Set(held.filter((r) => r.assignment.role === 'convenor').map((r) => r.person.id))];
}

/**
 * Refuses a change that leaves `after` as the convenors: 409 `collaborative.last-convenor` when
 * none would be left, 403 when the person may not change them at all (P114).
 */
export async function requireConvenorsAfter(services: AccessServices, personId: string, collaborative: Collaborative, after: readonly string[]): Promise<void> {
  const memberLaCodes = [...new Set((await services.directory.schoolsByIds(collaborative.memberSchoolIds)).map((s) => s.laCode))];
  const facts = { collaborativeId: collaborative.id, convenorIds: await convenorIdsOf(services, collaborative.id), memberLaCodes };
  const decision = decideConvenorChange(await loadActor(services.directory, personId), facts, after);
  if (decision.allow) return;
  if (decision.reason === 'collaborative.last-convenor') throw new ProblemError('collaborative.last-convenor');
  throw new ProblemError('collaborative.forbidden', { detail: decision.reason });
}
