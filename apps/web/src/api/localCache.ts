/**
 * Last good API responses in localStorage, so home and document screens render offline
 * (SPEC C7). Kept across an expired session (the person signs in again and carries on) and
 * cleared on a deliberate sign-out or when a different person signs in.
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

export function clearCache(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  }
}
