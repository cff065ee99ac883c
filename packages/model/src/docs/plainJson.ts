import type * as Y from 'yjs';
import { readMeta } from './meta';
import { peerReviewToJson, type PeerReviewJson } from './peerReview';
import { selfEvaluationToJson, type SelfEvaluationJson } from './selfEvaluation';
import { workspaceToJson, type WorkspaceJson } from './workspace';
import { developmentPlanToJson } from './planJson';
import { progressReviewToJson, type ProgressReviewJson } from './reviewJson';
import type { DevelopmentPlanState } from '../domain/plan';
import { reviewExtractToJson, type ReviewExtractJson } from './reviewExtract';

export type DocumentJson = SelfEvaluationJson | PeerReviewJson | WorkspaceJson | DevelopmentPlanState | ProgressReviewJson | ReviewExtractJson;

/**
 * D7: a document as plain JSON, the input of the Markdown/HTML export and of the record
 * commits. Pure and deterministic: the same document state gives the same JSON.
 */
export function toPlainJson(doc: Y.Doc): DocumentJson {
  const meta = readMeta(doc);
  if (meta === null) throw new Error('toPlainJson: the document has no meta (not initialised)');
  switch (meta.kind) {
    case 'self-evaluation':
      return selfEvaluationToJson(doc);
    case 'peer-review':
      return peerReviewToJson(doc);
    case 'workspace':
      return workspaceToJson(doc);
    case 'development-plan':
      return developmentPlanToJson(doc);
    case 'progress-review':
      return progressReviewToJson(doc);
    case 'review-extract':
      return reviewExtractToJson(doc);
  }
}
