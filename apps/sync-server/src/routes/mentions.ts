/**
 * GET /api/mentions[?since=<ISO time>] (ACCESS.md A105): the signed-in person's mentions in
 * comments, newest first, only in documents they may read now. The home feed shows them.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AccessServices } from '../access/services';
import { listMentionsFor } from '../comments/mentions';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';

const sinceParam = z.iso.datetime({ offset: true }).max(40).optional();

export function mentionRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const since = sinceParam.safeParse(c.req.query('since'));
    if (!since.success) throw new ProblemError('request.invalid', { errors: [{ path: 'since', message: 'An ISO 8601 date and time.' }] });
    return c.json({ mentions: await listMentionsFor(services, personId, since.data ? new Date(since.data) : undefined) });
  });
  return app;
}
