/**
 * What a link or an image in people's text may point at (D25, D26): the one rule the editor's
 * schema, the read-only views and every export share. A `javascript:` or `data:` href written
 * into a shared document by a co-author must never run in a reader's browser, and an image must
 * never load from another site (a tracking pixel telling someone who opened the document when).
 */

const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

/**
 * The trimmed href when it is a web or mail address, else null. Parsed as the browser would, so
 * `JaVaScRiPt:`, `java\tscript:` and entity tricks do not slip through a prefix test.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || href.length > 2048 || /[\u0000-\u001f\u007f\s]/.test(href)) return null;
  try {
    return linkProtocols.has(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

/**
 * An image source only when it is a path on the app's own origin (`/files/...`), else null: no
 * other host, no protocol-relative `//host`, no `data:` or `blob:` URL a co-author could craft.
 */
export function sameOriginImageSrc(raw: string, appOrigin: string): string | null {
  const src = raw.trim();
  if (!src.startsWith('/') || src.startsWith('//') || src.startsWith('/\\') || /[\u0000-\u001f\u007f\s\\]/.test(src)) return null;
  try {
    const url = new URL(src, appOrigin);
    return url.origin === new URL(appOrigin).origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}
