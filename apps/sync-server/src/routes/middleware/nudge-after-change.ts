import type { MiddlewareHandler } from 'hono';
import type { SyncControl } from '../../access/context';
import type { NudgeTopic } from '../../sync/nudges';

/**
 * After a change that succeeded (any method but GET or HEAD, answered 2xx), tells every open
 * page watching `topic` to ask again (SPEC S63). A refused or failed request changed nothing,
 * so it nudges nobody.
 */
export function nudgeAfterChange(sync: SyncControl | undefined, topic: NudgeTopic): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    if (c.res.status >= 200 && c.res.status < 300) sync?.nudge?.(topic);
  };
}
