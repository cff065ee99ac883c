import type { Collaborative } from '../domain/collaborative';
import type { DocumentRecord, PeerReviewFacts } from '../domain/document';
import type { School } from '../domain/school';
import type { PolicyResource, RecordResource } from './types';

export interface ResourceLookup {
  school(id: string): School | undefined;
  collaborative(id: string): Collaborative | undefined;
  /** The facilitators with this school in their caseload (its Improvement Partners); none when absent. */
  partners?(schoolId: string): readonly string[];
  /** Today as an ISO date, for a closed review's retention date (P62); without it, none has passed. */
  today?(): string;
}

/**
 * Gathers the facts decide() needs for a stored document. Returns null when the owner is
 * unknown: the caller must then refuse access (an unknown owner grants nothing).
 */
export function resourceFromRecord(record: DocumentRecord, lookup: ResourceLookup): PolicyResource | null {
  const resource = openResourceFromRecord(record, lookup);
  // P97: the record's archive date is the one fact the archive rule needs (P96).
  return resource && record.archivedAt !== undefined ? { ...resource, archived: true } : resource;
}

function openResourceFromRecord(record: DocumentRecord, lookup: ResourceLookup): PolicyResource | null {
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
  if (record.kind === 'peer-review' && record.peerReview !== undefined) return peerReviewResource(record.id, school, record.peerReview, lookup);
  if (record.kind === 'review-extract' && record.reviewExtract !== undefined) {
    // An extract for a collaborative no longer known is read by its owners only (P130).
    const c = lookup.collaborative(record.reviewExtract.collaborativeId);
    return {
      kind: 'review-extract', docId: record.id, hostSchoolId: school.id, collaborativeId: record.reviewExtract.collaborativeId,
      convenorId: c?.convenorId ?? '', memberSchoolIds: c?.memberSchoolIds ?? [],
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

/** A peer review's facts: its team, stage and shares resolved to people and schools (P61-P63). */
function peerReviewResource(docId: string, school: School, facts: PeerReviewFacts, lookup: ResourceLookup): PolicyResource {
  const shares = facts.shares ?? [];
  const lifecycle = facts.lifecycle;
  const today = lookup.today?.();
  const collaboratives = shares.flatMap((s) => (s.type === 'collaborative' ? [lookup.collaborative(s.id)] : [])).filter((c) => c !== undefined);
  const facilitators = shares.some((s) => s.type === 'facilitator') ? (lookup.partners?.(school.id) ?? []) : [];
  return {
    kind: 'peer-review',
    docId,
    hostSchoolId: school.id,
    hostLaCode: school.laCode,
    reviewerIds: facts.reviewerIds,
    sharedWithLa: facts.sharedWithLa,
    hostStaffIds: (facts.team ?? []).filter((m) => m.role === 'host-staff').map((m) => m.personId),
    stage: lifecycle?.stage ?? 'planning',
    retentionPassed: lifecycle?.stage === 'closed' && lifecycle.retainUntil !== null && today !== undefined && today > lifecycle.retainUntil,
    sharedWithPersonIds: [...shares.filter((s) => s.type === 'person').map((s) => s.id), ...facilitators, ...collaboratives.map((c) => c.convenorId)],
    sharedWithSchoolIds: collaboratives.flatMap((c) => c.memberSchoolIds),
  };
}
