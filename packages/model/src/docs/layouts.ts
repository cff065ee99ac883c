import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/document';
import { areas, type Area } from '../domain/improvement';
import { metaMap } from './meta';
import { newSectionMap, sectionsArray } from './selfEvaluation';
import { initialisePlanLayout, type PlanInit } from './planLayout';
import { initialiseReviewLayout, type ReviewInit } from './progressReview';
import { initialiseExtractLayout, type ExtractOrigin } from './reviewExtract';

export interface InitialiseOptions {
  /** Self-evaluation: the areas to start with, one section each (default: all four). */
  areas?: readonly Area[];
  /** Peer review: the host school (also kept on the server's record). */
  hostSchoolId?: string;
  /** Development plan: its school and academic year (and the plan it follows). */
  plan?: PlanInit;
  /** Progress review: its school, plan, period, support level and the plan's priorities. */
  review?: ReviewInit;
  /** Review extract: the host school, the review it comes from and its collaborative (D61). */
  extract?: ExtractOrigin;
}

/** The starting content of each kind, written by initialise() inside its transaction. */
export function initialiseLayout(doc: Y.Doc, kind: DocumentKind, options: InitialiseOptions): void {
  switch (kind) {
    case 'self-evaluation':
      // Section ids are the area ids: one section per area to begin with.
      sectionsArray(doc).push((options.areas ?? areas).map((area) => newSectionMap(area, area)));
      return;
    case 'peer-review':
      if (options.hostSchoolId === undefined) throw new Error('initialise: a peer review needs its hostSchoolId');
      metaMap(doc).set('hostSchoolId', options.hostSchoolId);
      return;
    case 'workspace':
      // Priorities and meetings are root arrays that exist implicitly; nothing to create.
      return;
    case 'development-plan':
      if (options.plan === undefined) throw new Error('initialise: a development plan needs its school and year');
      initialisePlanLayout(doc, metaMap(doc), options.plan);
      return;
    case 'progress-review':
      if (options.review === undefined) throw new Error('initialise: a progress review needs its school, plan and term');
      initialiseReviewLayout(doc, metaMap(doc), options.review);
      return;
    case 'review-extract':
      if (options.extract === undefined) throw new Error('initialise: a review extract needs the review it comes from');
      initialiseExtractLayout(metaMap(doc), options.extract);
      return;
  }
}
