import type { Collaborative } from '../domain/collaborative';
import type { DocumentRecord } from '../domain/document';
import type { School } from '../domain/school';
import type { PolicyResource, RecordResource } from './types';

export interface ResourceLookup {
  school(id: string): School | undefined;
  collaborative(id: string): Collaborative | undefined;
  /** The facilitators with this school in their caseload (its Improvement Partners); none when absent. */
  partners?(schoolId: string): readonly string[];
}

/**
 * Gathers the facts decide() needs for a stored document. Returns null when the owner is
 * unknown: the caller must then refuse access (an unknown owner grants nothing).
 */
export function resourceFromRecord(record: DocumentRecord, lookup: ResourceLookup): PolicyResource | null {
  if (record.owner.type === 'collaborative') {
    const c = lookup.collaborative(record.owner.collaborativeId);
    if (c === undefined) return null;
    const laCodes = new Set<number>();
    for (const id of c.memberSchoolIds) {
      const s = lookup.school(id);
      if (s !== undefined) laCodes.add(s.laCode);
    }
    return {
      kind: 'workspace',
      docId: record.id,
      collaborativeId: c.id,
      memberSchoolIds: c.memberSchoolIds,
      memberLaCodes: [...laCodes],
      convenorId: c.convenorId,
      facilitatorIds: c.laFacilitatorIds,
    };
  }
  const school = lookup.school(record.owner.schoolId);
  if (school === undefined) return null;
  if (record.kind === 'peer-review' && record.peerReview !== undefined) {
    return {
      kind: 'peer-review',
      docId: record.id,
      hostSchoolId: school.id,
      hostLaCode: school.laCode,
      reviewerIds: record.peerReview.reviewerIds,
      sharedWithLa: record.peerReview.sharedWithLa,
    };
  }
  if (record.kind === 'development-plan') return { kind: 'development-plan', docId: record.id, schoolId: school.id, schoolLaCode: school.laCode };
  if (record.kind === 'progress-review') {
    return { kind: 'progress-review', docId: record.id, schoolId: school.id, schoolLaCode: school.laCode, partnerIds: lookup.partners?.(school.id) ?? [] };
  }
  if (record.kind !== 'self-evaluation') return null;
  return { kind: 'self-evaluation', docId: record.id, schoolId: school.id, schoolLaCode: school.laCode };
}

/**
 * The facts decide() needs for an owner's record (P12-P14), or null for an unknown owner
 * (which grants nothing).
 */
export function recordResourceFor(
  owner: { type: 'school'; schoolId: string } | { type: 'collaborative'; collaborativeId: string },
  lookup: ResourceLookup,
): RecordResource | null {
  if (owner.type === 'school') {
    const school = lookup.school(owner.schoolId);
    return school ? { kind: 'record', owner: { type: 'school', schoolId: school.id, schoolLaCode: school.laCode } } : null;
  }
  const c = lookup.collaborative(owner.collaborativeId);
  if (c === undefined) return null;
  const laCodes = new Set(c.memberSchoolIds.flatMap((id) => lookup.school(id)?.laCode ?? []));
  return {
    kind: 'record',
    owner: {
      type: 'collaborative',
      collaborativeId: c.id,
      memberSchoolIds: c.memberSchoolIds,
      memberLaCodes: [...laCodes],
      convenorId: c.convenorId,
      facilitatorIds: c.laFacilitatorIds,
    },
  };
}
