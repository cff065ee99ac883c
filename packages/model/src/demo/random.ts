/**
 * A small seeded generator (mulberry32) so the demo dataset is the same on every run unless
 * the caller passes its own randomness. Not for secrets.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A URL-safe random string for document ids (newDocId). */
export function randomString(random: () => number, length = 16): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET.charAt(Math.floor(random() * ALPHABET.length) % ALPHABET.length);
  return out;
}
