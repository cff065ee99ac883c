/**
 * The headers every response carries, pages and API alike (ACCESS.md A80). The web app is built
 * to need nothing more: its scripts and styles are files of our own (no inline script or style),
 * it talks only to this server (the API and the sync socket), and images come from here or not
 * at all. So a script that slipped into a document could neither run nor phone home, a page of
 * ours cannot be framed (clickjacking), and a response is never sniffed into something else.
 */
import type { MiddlewareHandler } from 'hono';
import { cameOverHttps } from '../request-transport';

export interface SecurityHeaderOptions {
  /** Believe X-Forwarded-Proto (A81): the same setting that decides the cookies' Secure flag. */
  trustProxy: boolean;
  /** Other origins the web app may connect to (a sync server elsewhere), e.g. wss://sync.example. */
  connectOrigins?: readonly string[];
}

/** A year, the least the browsers' preload lists accept. */
const hstsValue = 'max-age=31536000; includeSubDomains';

/** A Host header fit to be written into the policy: a name or address and a port, nothing else. */
const plainHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The policy for one request: the sync socket is this host's, over ws or wss as the page is. */
export function contentSecurityPolicy(syncOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    `connect-src ${["'self'", ...syncOrigins].join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): MiddlewareHandler {
  const extra = (options.connectOrigins ?? []).filter((origin) => /^wss?:\/\/[^\s;,']+$/.test(origin));
  return async (c, next) => {
    await next();
    const https = cameOverHttps(c, options.trustProxy);
    const host = c.req.header('host') ?? '';
    const sync = plainHost.test(host) ? [`${https ? 'wss' : 'ws'}://${host}`] : [];
    const wanted: [string, string][] = [
      ['content-security-policy', contentSecurityPolicy([...sync, ...extra])],
      ['x-content-type-options', 'nosniff'],
      ['referrer-policy', 'no-referrer'],
      // For browsers that predate frame-ancestors.
      ['x-frame-options', 'DENY'],
      ['cross-origin-opener-policy', 'same-origin'],
      ...(https ? [['strict-transport-security', hstsValue] as [string, string]] : []),
    ];
    try {
      for (const [name, value] of wanted) c.res.headers.set(name, value);
    } catch {
      // A response with immutable headers (Response.redirect, a fetched one): copy it first.
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of wanted) c.res.headers.set(name, value);
    }
  };
}
