/** A random id for an entry created on this device (sections, evidence, actions). */
export function makeLocalId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}
