/**
 * Whether a request reached us over TLS (ACCESS.md A81). Behind a reverse proxy that ends TLS the
 * server itself sees http, so the proxy's `X-Forwarded-Proto` is believed only when the host says
 * a trusted proxy sets it (TRUST_PROXY); otherwise anyone could claim https, or claim http to
 * drop HSTS. One answer for the security headers and for every cookie's Secure flag.
 */
import type { Context } from 'hono';

export function cameOverHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  return c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
