/**
 * POST /api/records/:ownerKey/termly (ACCESS.md A36, RECORDS.md K8): the termly (or, with
 * enhanced support, half-termly) progress evaluation a school writes with its LA facilitator,
 * validated with the model's ProgressEvaluation (M15) and agreed straight into the school's
 * record under the subject `termly:<term>:<priorityId>`. Who may record it is the policy's
 * `agree` on the school's record (P13): the school's headteacher or senior leaders, or a
 * facilitator of its LA. A later evaluation of the same subject (the second half term, a
 * correction) becomes the current state; the record keeps every earlier version (K1, K2).
 */
import { Hono } from 'hono';
import { ProgressEvaluation } from '@cydweithio/model/domain/improvement';
import type { AccessServices } from '../access/services';
import type { RecordValue } from '../records/record-doc';
import type { AccessEnv } from './access-env';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';
import { recordFor, recordOwnerFrom } from './record-access';

export function termlySubject(term: string, priorityId: string): string {
  return `termly:${term}:${priorityId}`;
}

export function recordTermlyRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  app.post('/:ownerKey/termly', async (c) => {
    const owner = recordOwnerFrom(c);
    if (owner.type !== 'school') {
      throw new ProblemError('request.invalid', { errors: [{ path: 'ownerKey', message: 'A termly evaluation belongs to a school\'s record.' }] });
    }
    const record = await recordFor(services, c, 'agree', owner);
    const evaluation = await readJson(c, ProgressEvaluation);
    // The facilitator the school evaluated with must be one of its LA's facilitators.
    const laCode = (await services.directory.school(owner.schoolId))?.laCode;
    const isFacilitator = (await services.directory.roles(evaluation.facilitatorId)).some((r) => r.role === 'la-facilitator' && r.laCode === laCode);
    if (!isFacilitator) {
      throw new ProblemError('request.invalid', { errors: [{ path: 'facilitatorId', message: 'Not a facilitator of the school\'s LA.' }] });
    }
    const subject = termlySubject(evaluation.term, evaluation.priorityId);
    const label = evaluation.halfTerm === undefined ? `Termly evaluation ${evaluation.term}` : `Half-termly evaluation ${evaluation.term} (${evaluation.halfTerm})`;
    // A JSON round trip drops absent optional keys: Automerge refuses undefined values.
    const state = JSON.parse(JSON.stringify(evaluation)) as RecordValue;
    const version = await record.records.agree(record.ownerKey, subject, state, {
      by: record.actor.personId, label, at: Math.floor(services.clock() / 1000),
    });
    await services.audit.record({ actorPersonId: record.actor.personId, action: 'agreed', detail: { ownerKey: record.ownerKey, subject, hash: version.hash } });
    return c.json({ ownerKey: record.ownerKey, subject, version }, 201);
  });

  return app;
}
