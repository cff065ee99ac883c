/**
 * Which browser origins may use the API and open document sockets (ACCESS.md A4, A8): the
 * server's own host, the public URL's origin and the configured web app origins.
 *
 * The server's own host is compared by host, not scheme: behind a TLS-terminating proxy the
 * server sees http://host while the browser says https://host; both name the same site, and a
 * page on another site cannot claim this host.
 *
 * Browsers always send Origin on a WebSocket upgrade and on unsafe fetches, so a page on another
 * site cannot ride a signed-in person's cookie (cross-site WebSocket hijacking, CSRF). Clients
 * outside a browser send no Origin and have no ambient cookie: an absent Origin is allowed.
 */
export function makeOriginCheck(allowedOrigins: readonly string[], publicUrl?: string) {
  const allowed = new Set(allowedOrigins);
  if (publicUrl) allowed.add(new URL(publicUrl).origin);
  return (origin: string | null | undefined, requestUrl: URL | string): boolean => {
    if (origin === null || origin === undefined) return true;
    if (allowed.has(origin)) return true;
    try {
      return new URL(origin).host === new URL(requestUrl).host;
    } catch {
      // 'null' (sandboxed frames, file:) and other unparsable origins are never ours.
      return false;
    }
  };
}

export type OriginCheck = ReturnType<typeof makeOriginCheck>;
