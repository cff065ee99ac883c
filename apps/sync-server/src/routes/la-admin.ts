/**
 * LA administration (OVERVIEW.md O21-O22): an LA officer assigns facilitators' caseloads.
 *   GET    /api/la/:la/team                                   facilitators and officers, with caseloads
 *   POST   /api/la/:la/caseloads {facilitatorId, schoolId}    assign a school to a facilitator
 *   DELETE /api/la/:la/caseloads/:facilitatorId/:schoolId     take it off their caseload
 * Policy P84 (caseload-assignment: officers edit, facilitators read). Every change is audited.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { SchoolId } from '@cydweithio/model/domain/school';
import type { AccessServices } from '../access/services';
import { decide, loadActor } from '../access/policy';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const assignBody = z.object({ facilitatorId: z.string().min(1).max(64), schoolId: SchoolId });

export function laAdminRoutes(services: AccessServices, picture: LaPicture): Hono<AccessEnv> {
  const { directory, audit, cycle } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  const facilitatorsOf = async (laCode: number) => (await directory.holders('la', String(laCode), 'la-facilitator')).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  app.get('/:la/team', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    const actor = await loadActor(directory, requireSignIn(c));
    requireLa(actor, 'read', { kind: 'caseload-assignment', laCode });
    const [facilitators, officers] = await Promise.all([facilitatorsOf(laCode), directory.holders('la', String(laCode), 'la-officer')]);
    const caseloads = await picture.store.caseloadsOf(facilitators.map((f) => f.id));
    return c.json({
      laCode,
      mayAssign: decide(actor, 'edit', { kind: 'caseload-assignment', laCode }).allow,
      facilitators: facilitators.map((f) => ({ id: f.id, name: f.name, schoolIds: caseloads.get(f.id) ?? [] })),
      officers: officers.map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)),
    });
  });

  const checked = async (c: Parameters<typeof requireSignIn>[0], facilitatorId: string, schoolId: string) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(directory, personId), 'edit', { kind: 'caseload-assignment', laCode });
    const school = await directory.school(schoolId);
    if (!school || school.laCode !== laCode) throw new ProblemError('directory.not-found', { detail: `No school ${schoolId} in this LA.` });
    if (!(await facilitatorsOf(laCode)).some((f) => f.id === facilitatorId)) throw new ProblemError('directory.not-found', { detail: 'Not a facilitator of this LA.' });
    return { personId, laCode };
  };

  app.post('/:la/caseloads', async (c) => {
    const body = await readJson(c, assignBody);
    const { personId, laCode } = await checked(c, body.facilitatorId, body.schoolId);
    await cycle.assign(body.facilitatorId, body.schoolId, personId);
    await audit.record({ actorPersonId: personId, action: 'created', detail: { what: 'caseload', laCode, facilitatorId: body.facilitatorId, schoolId: body.schoolId } });
    return c.json({ facilitatorId: body.facilitatorId, schoolIds: (await picture.store.caseloadsOf([body.facilitatorId])).get(body.facilitatorId) ?? [] }, 201);
  });

  app.delete('/:la/caseloads/:facilitatorId/:schoolId', async (c) => {
    const { facilitatorId, schoolId } = c.req.param();
    const { personId, laCode } = await checked(c, facilitatorId, schoolId);
    if (!(await picture.store.unassign(facilitatorId, schoolId))) throw new ProblemError('directory.not-found', { detail: 'That school is not in this caseload.' });
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { what: 'caseload', laCode, facilitatorId, schoolId } });
    return c.body(null, 204);
  });

  return app;
}

