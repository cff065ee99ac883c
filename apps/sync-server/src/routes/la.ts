/**
 * GET /api/la/coverage?la= (ACCESS.md A22): the schools of one LA not yet in a vertical and a
 * horizontal collaborative, from the model's coverage rule. A to-do list ordered by school
 * number, never a ranking; for people with an LA role in that LA.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { LaCode } from '@cydweithio/model/domain/localAuthority';
import { coverage } from '@cydweithio/model/rules/coverage';
import type { AccessServices } from '../access/services';
import { hasLaRole } from '../access/directory-rights';
import { loadActor } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const coverageQuery = z.object({ la: z.coerce.number().pipe(LaCode) });

export function laRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory } = services;
  const app = new Hono<AccessEnv>();

  app.get('/coverage', async (c) => {
    const personId = requireSignIn(c);
    const { la } = readQuery(c, coverageQuery);
    if (!hasLaRole(await loadActor(directory, personId), la)) throw new ProblemError('coverage.forbidden');
    const schools = await directory.schools(la);
    const byId = new Map(schools.map((s) => [s.id, s]));
    const gaps = coverage(la, schools, await directory.collaboratives()).map((gap) => {
      const school = byId.get(gap.schoolId);
      return { ...gap, name: school?.name ?? null, setting: school?.setting ?? null };
    });
    return c.json({ laCode: la, schools: schools.length, gaps });
  });

  return app;
}
