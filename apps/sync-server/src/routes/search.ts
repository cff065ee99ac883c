/**
 * GET /api/search?q= (ACCESS.md A120): the documents the signed-in person may read whose title
 * or text holds every word of the query, best first, each with the section and the words
 * around the first match. The query is bounded; a document the person may not read never
 * matches (the policy is asked before any text is read, P100).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AccessServices } from '../access/services';
import type { ActivityStore } from '../activity/activity-store';
import { search } from '../activity/search';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';

export const SearchQuery = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
}).strict();

export function searchRoutes(services: AccessServices, store: ActivityStore): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const { q, limit } = readQuery(c, SearchQuery);
    return c.json({ query: q, results: await search(services, store, personId, q, limit) });
  });
  return app;
}
