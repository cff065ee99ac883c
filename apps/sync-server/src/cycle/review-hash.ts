import { createHash } from 'node:crypto';
import type * as Y from 'yjs';
import { progressReviewToJson, recordableReview, type RecordableReview } from '@cydweithio/model/docs/index';

/** E13: what a confirmation stands on, so an edit after it makes it stale. */
export function contentHash(review: RecordableReview): string {
  return createHash('sha256').update(JSON.stringify(review)).digest('hex');
}

/** The content hash of a review draft as it stands, or null while it is incomplete. */
export function draftHash(doc: Y.Doc, docId: string): string | null {
  const recordable = recordableReview(progressReviewToJson(doc), docId);
  return recordable ? contentHash(recordable) : null;
}
