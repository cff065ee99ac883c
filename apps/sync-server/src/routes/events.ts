/**
 * GET /api/events (ACCESS.md A135, SPEC S63): a server-sent event stream of change nudges for the
 * signed-in person's open pages: `event: changed`, `data: {"topic":"convening"}` when a proposal,
 * an approval or a membership request changed anywhere. Only the topic is sent; the page asks its
 * own routes again, which answer within the person's policy (P119). A stream lasts a few minutes
 * and then ends, so the browser's EventSource reconnects through the session check again (a
 * signed-out person's stream is not kept open); a comment line every 20 s keeps proxies from
 * closing a quiet one. A person may hold a few streams at once (tabs), no more.
 */
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { decideListenForNudges } from '@cydweithio/model/policy/nudges';
import type { AccessServices } from '../access/services';
import type { NudgeTopic } from '../sync/nudges';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';

export const MAX_STREAMS_PER_PERSON = 8;
const STREAM_LIFETIME_MS = 5 * 60_000;
const KEEP_ALIVE_MS = 20_000;
/** How soon the browser reconnects after a stream ends (EventSource `retry`). */
const RECONNECT_MS = 1_000;

export function eventRoutes(services: AccessServices, lifetimeMs = STREAM_LIFETIME_MS): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const open = new Map<string, number>();
  app.get('/', (c) => {
    const personId = requireSignIn(c);
    const decision = decideListenForNudges({ personId, roles: [] });
    if (!decision.allow) throw new ProblemError('auth.required');
    const held = open.get(personId) ?? 0;
    if (held >= MAX_STREAMS_PER_PERSON) throw new ProblemError('events.too-many-streams');
    open.set(personId, held + 1);
    return streamSSE(c, async (stream) => {
      const queue: NudgeTopic[] = [];
      let wake: (() => void) | undefined;
      const stop = services.sync?.onNudge?.((topic) => {
        if (!queue.includes(topic)) queue.push(topic);
        wake?.();
      });
      const endsAt = Date.now() + lifetimeMs;
      // A closed tab frees its place at once, not at the next keep-alive.
      stream.onAbort(() => wake?.());
      try {
        await stream.writeSSE({ event: 'ready', data: '{}', retry: RECONNECT_MS });
        while (!stream.aborted && !stream.closed && Date.now() < endsAt) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, Math.min(KEEP_ALIVE_MS, Math.max(0, endsAt - Date.now())));
          });
          clearTimeout(timer);
          wake = undefined;
          if (stream.aborted) break;
          if (queue.length === 0) {
            await stream.write(': keep-alive\n\n');
            continue;
          }
          for (const topic of queue.splice(0)) await stream.writeSSE({ event: 'changed', data: JSON.stringify({ topic }) });
        }
      } finally {
        stop?.();
        const left = (open.get(personId) ?? 1) - 1;
        if (left > 0) open.set(personId, left);
        else open.delete(personId);
      }
    });
  });
  return app;
}
