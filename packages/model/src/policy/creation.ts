import { allDocumentKinds, type DocumentKind, type DocumentRecord } from '../domain/document';
import type { School } from '../domain/school';
import { resolveAccess } from './decide';
import { resourceFromRecord } from './resource';
import type { Actor } from './types';

/**
 * The kinds of school-owned document a person may start for a school (P30): those the policy
 * would make them the owner of, as the server's create route decides (A13). A governor, who
 * reads, is offered none; a senior leader is offered a self-evaluation but not a peer review.
 * Every kind owned by a school is considered, so a kind added later is offered by the same rule.
 */
export function creatableSchoolKinds(actor: Actor, school: Pick<School, 'id' | 'laCode'>): DocumentKind[] {
  const lookup = { school: (id: string) => (id === school.id ? (school as School) : undefined), collaborative: () => undefined };
  return allDocumentKinds.filter((kind) => {
    // A workspace is a collaborative's; an extract is made only by publishing a review (P130).
    if (kind === 'workspace' || kind === 'review-extract') return false;
    const record: DocumentRecord = {
      id: `${kind}:not-yet-created`,
      kind,
      owner: { type: 'school', schoolId: school.id },
      title: 'new',
      ...(kind === 'peer-review' ? { peerReview: { hostSchoolId: school.id, reviewerIds: [], sharedWithLa: false } } : {}),
    };
    const resource = resourceFromRecord(record, lookup);
    return resource !== null && resolveAccess(actor, resource) === 'owner';
  });
}
