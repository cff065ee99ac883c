/**
 * The directory (ACCESS.md A20-A21): LAs, schools and collaboratives for any signed-in
 * person, and the WG address list import for LA officers. School facts only: the import
 * keeps no pupil numbers (the model's School has no field for them).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { importSchoolsCsv } from '@cydweithio/model/directory/index';
import { LaCode } from '@cydweithio/model/domain/localAuthority';
import type { AccessServices } from '../access/services';
import { isLaOfficer } from '../access/directory-rights';
import { loadActor } from '../access/policy';
import type { AccessEnv } from './access-env';
import { collaborativeAdminRoutes } from './directory-collaboratives';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const schoolsQuery = z.object({ la: z.coerce.number().pipe(LaCode).optional() });

export function directoryRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, audit } = services;
  const app = new Hono<AccessEnv>();

  app.get('/las', async (c) => {
    requireSignIn(c);
    return c.json({ localAuthorities: await directory.localAuthorities() });
  });

  app.get('/schools', async (c) => {
    requireSignIn(c);
    const { la } = readQuery(c, schoolsQuery);
    return c.json({ schools: await directory.schools(la) });
  });

  app.get('/collaboratives', async (c) => {
    requireSignIn(c);
    const all = await directory.collaboratives();
    return c.json({ collaboratives: await Promise.all(all.map((co) => directory.describeCollaborative(co))) });
  });

  app.get('/collaboratives/:id', async (c) => {
    requireSignIn(c);
    const collaborative = await directory.collaborative(c.req.param('id'));
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    return c.json({ collaborative: await directory.describeCollaborative(collaborative) });
  });

  app.route('/collaboratives', collaborativeAdminRoutes(services));

  // Its body limit (8 MB, not the JSON one) is the layer's (middleware/body-limits.ts).
  app.post('/import', async (c) => {
    const personId = requireSignIn(c);
    const actor = await loadActor(directory, personId);
    if (!isLaOfficer(actor)) throw new ProblemError('directory.forbidden');
    // A77: the import stays in the LAs the officer serves; other LAs' rows are reported (P46).
    const onlyLas = actor.roles.flatMap((r) => (r.role === 'la-officer' ? [r.laCode] : []));
    const contentType = (c.req.header('content-type') ?? '').toLowerCase();
    if (!contentType.startsWith('text/csv')) throw new ProblemError('request.unsupported-media-type', { detail: 'Send the address list as text/csv.' });
    const text = await c.req.text();
    let result: ReturnType<typeof importSchoolsCsv>;
    try {
      result = importSchoolsCsv(text.replace(/^\uFEFF/, ''), await directory.localAuthorities(), { onlyLas });
    } catch (error) {
      throw new ProblemError('directory.import-invalid', { detail: error instanceof Error ? error.message : String(error) });
    }
    await directoryWrites.upsertSchools(result.schools, result.edition);
    await audit.record({ actorPersonId: personId, action: 'imported', detail: { edition: result.edition, imported: result.summary.imported, reported: result.summary.reported } });
    return c.json({ edition: result.edition, summary: result.summary, reports: result.reports });
  });

  return app;
}
