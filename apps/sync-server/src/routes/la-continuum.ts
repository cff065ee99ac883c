/**
 * The support continuum (OVERVIEW.md O19, model M8, policy P82-P83): for the LA's own resource
 * planning, a placement per school per area of focus, with its history. LA officers only:
 *   GET  /api/la/:la/continuum     every school's newest placement per area, and the history
 *   POST /api/la/:la/continuum     {schoolId, areaId, placement, decidedOn, note}
 * Lists are in school-number order, never by placement; no count of schools per placement exists.
 * No other route, no export and nothing a school, a governor or the public reaches reads it.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { continuumPlacements } from '@cydweithio/model/domain/improvement';
import { ContinuumEntry } from '@cydweithio/model/domain/laPicture';
import { SchoolId } from '@cydweithio/model/domain/school';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const placementBody = z.object({
  schoolId: SchoolId,
  areaId: z.string().min(1).max(48),
  placement: z.enum(continuumPlacements),
  decidedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  note: z.string().max(4_000).default(''),
});

export function laContinuumRoutes(services: AccessServices, picture: LaPicture): Hono<AccessEnv> {
  const { directory, audit } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  app.get('/:la/continuum', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(directory, requireSignIn(c)), 'read', { kind: 'continuum', laCode });
    const [settings, rows, schools] = await Promise.all([picture.store.settings(laCode), picture.store.placements(laCode), directory.schools(laCode)]);
    const bySchool = new Map<string, typeof rows>();
    for (const row of rows) bySchool.set(row.schoolId, [...(bySchool.get(row.schoolId) ?? []), row]);
    return c.json({
      laCode,
      areas: settings.continuumAreas,
      schools: schools.sort((a, b) => a.id.localeCompare(b.id)).map((s) => {
        const history = bySchool.get(s.id) ?? [];
        const current: Record<string, { placement: string; decidedOn: string }> = {};
        for (const h of history) current[h.areaId] = { placement: h.placement, decidedOn: h.decidedOn };
        return { schoolId: s.id, name: s.name, setting: s.setting, current, history: history.map(({ id: _id, laCode: _la, ...rest }) => rest) };
      }),
    });
  });

  app.post('/:la/continuum', async (c) => {
    const personId = requireSignIn(c);
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(directory, personId), 'edit', { kind: 'continuum', laCode });
    const body = await readJson(c, placementBody);
    const school = await directory.school(body.schoolId);
    if (!school || school.laCode !== laCode) throw new ProblemError('directory.not-found', { detail: `No school ${body.schoolId} in this LA.` });
    const settings = await picture.store.settings(laCode);
    if (!settings.continuumAreas.some((a) => a.id === body.areaId)) throw new ProblemError('request.invalid', { errors: [{ path: 'areaId', message: 'Not one of the LA’s areas of focus.' }] });
    if (body.decidedOn > picture.today()) throw new ProblemError('request.invalid', { errors: [{ path: 'decidedOn', message: 'A placement is decided on or before today.' }] });
    const person = await directory.person(personId);
    const entry = ContinuumEntry.parse({ ...body, laCode, decidedBy: personId, decidedByName: person?.name ?? personId });
    await picture.store.addPlacement(entry);
    // The audit says a placement was recorded, never which: the log is read more widely than the continuum.
    await audit.record({ actorPersonId: personId, action: 'agreed', detail: { what: 'continuum', laCode, schoolId: school.id } });
    return c.json(entry, 201);
  });

  return app;
}
