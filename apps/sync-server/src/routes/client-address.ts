/**
 * The client's address for rate limiting (ACCESS.md A84). Behind a reverse proxy every request
 * comes from the proxy, so X-Forwarded-For is read only when the host says a trusted proxy sets
 * it (TRUST_PROXY). Then the last hop is the one believed: it is what our proxy saw and
 * appended, while anything before it came from the client, who can write whatever they like
 * there to look like a new address on every attempt.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
