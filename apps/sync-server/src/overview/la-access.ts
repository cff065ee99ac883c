/**
 * Every door of the LA's picture asks the model's policy (P76-P89) through this one helper, so
 * no route decides by itself who may see or change what.
 */
import type { LaPictureResource } from '@cydweithio/model/policy/types';
import type { Action } from '@cydweithio/model/policy/types';
import { decide, type Actor } from '../access/policy';
import { ProblemError } from '../routes/problem';

export function requireLa(actor: Actor, action: Action, resource: LaPictureResource): void {
  const decision = decide(actor, action, resource);
  if (!decision.allow) throw new ProblemError('la.forbidden', { detail: decision.reason });
}

export const laCodeParam = (raw: string | undefined): number => {
  const code = Number(raw);
  if (!Number.isInteger(code) || code < 660 || code > 681) throw new ProblemError('directory.not-found', { detail: `No local authority ${raw ?? ''}.` });
  return code;
};
