/**
 * GET /api/la/:la/coverage-map?setting=&language=&cluster=&gaps= (OVERVIEW.md O16-O18): every
 * school of the LA with its coordinates from the directory and whether it is in a vertical and a
 * horizontal collaborative, filtered as the screen filters, in school-number order. It carries
 * coverage only: no judgement, no placement, nothing to colour a school by but coverage.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { LanguageCategory, Setting } from '@cydweithio/model/domain/school';
import { filterCoverage } from '@cydweithio/model/rules/coverageFilter';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';

export const coverageQuery = z.object({
  setting: Setting.optional(),
  language: LanguageCategory.optional(),
  cluster: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  gaps: z.enum(['1', '0']).optional(),
});

export function laCoverageMapRoutes(services: AccessServices, picture: LaPicture): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.get('/:la/coverage-map', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(services.directory, requireSignIn(c)), 'read', { kind: 'la-overview', laCodes: [laCode] });
    const q = readQuery(c, coverageQuery);
    const map = await picture.coverageMap(laCode);
    return c.json({ ...map, total: map.schools.length, schools: filterCoverage(map.schools, { setting: q.setting, language: q.language, clusterId: q.cluster, gapsOnly: q.gaps === '1' }) });
  });
  return app;
}
