/**
 * Record owner keys (RECORDS.md K6): `school:<WG school number>` or `collaborative:<id>`. Keys
 * arrive in URLs, so anything else is refused before it reaches the store.
 */
import { SchoolId } from '@cydweithio/model/domain/school';

export type RecordOwner = { type: 'school'; schoolId: string } | { type: 'collaborative'; collaborativeId: string };

/** Collaborative ids are the directory's own (`col-<random>`, `cluster-<school>`, `plc-primary-3`). */
const COLLABORATIVE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseOwnerKey(key: string): RecordOwner | null {
  const [type, id, ...rest] = key.split(':');
  if (rest.length > 0 || id === undefined) return null;
  if (type === 'school' && SchoolId.safeParse(id).success) return { type: 'school', schoolId: id };
  if (type === 'collaborative' && COLLABORATIVE_ID.test(id)) return { type: 'collaborative', collaborativeId: id };
  return null;
}

export function ownerKeyOf(owner: RecordOwner): string {
  return owner.type === 'school' ? `school:${owner.schoolId}` : `collaborative:${owner.collaborativeId}`;
}
