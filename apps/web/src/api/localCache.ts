/**
 * Last good API responses in localStorage, so home and document screens render offline
 * (SPEC C7). Kept across an expired session (the person signs in again and carries on) and
 * cleared on a deliberate sign-out or when a different person signs in. What concerns a
 * document the person may no longer read is dropped as soon as the server says so (C121).
 */
const PREFIX = 'cyd.cache.';

export function readCache<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the app still works online.
  }
}

/** A response that is no longer true (access refused or revoked): gone, not shown offline (C121). */
export function dropCache(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

/**
 * Everything cached about one document the person may no longer read: its readers list, and its
 * line in the documents list (C121). Returns the documents list as it now stands, if there was one.
 */
export function forgetDocumentCaches<T extends { id: string }>(docId: string): T[] | undefined {
  dropCache(`readers.${docId}`);
  const documents = readCache<T[]>('documents');
  if (!documents) return undefined;
  const kept = documents.filter((doc) => doc.id !== docId);
  writeCache('documents', kept);
  return kept;
}

export function clearCache(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
