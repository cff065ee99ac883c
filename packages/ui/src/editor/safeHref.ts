/**
 * Only web and mail links are kept in people's text (the same rule as the export): a
 * `javascript:` or `data:` href in a shared document must never run in a reader's browser.
 * Returns the trimmed href when it is safe, else null.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  if (href === '' || /[\u0000-\u001f\s]/.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? href : null;
  } catch {
    return null;
  }
}
