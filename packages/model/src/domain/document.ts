import { z } from 'zod';
import { DOC_ID_PATTERN } from '../wire/constants';
import { bidiControlMessage, hasBidiControl } from './displayText';
import { SchoolId } from './school';
import { ReviewLifecycle, ReviewShare, TeamMember } from './reviewTeam';
import { DocumentTitles } from './documentTitles';

export const allDocumentKinds = ['self-evaluation', 'peer-review', 'workspace', 'development-plan', 'progress-review', 'review-extract'] as const;
export const DocumentKind = z.enum(allDocumentKinds);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** Whether a stored value names a kind of document (a plain check: the browser reads ids too). */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return (allDocumentKinds as readonly unknown[]).includes(value);
}

export const DocumentOwner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('school'), schoolId: SchoolId }),
  z.object({ type: z.literal('collaborative'), collaborativeId: z.string().min(1) }),
]);
export type DocumentOwner = z.infer<typeof DocumentOwner>;

/** Who else a document is shared with. Only the LA share exists so far (peer review, P5). */
export const PeerReviewFacts = z.object({
  hostSchoolId: SchoolId,
  /** Named visiting reviewers (person ids) who may write in the review (P4). */
  reviewerIds: z.array(z.string().min(1)),
  /** The host school decides; the LA sees nothing until this is true (P5). */
  sharedWithLa: z.boolean(),
  /** The team the host built (G10): every member is a reader; reviewers are also in reviewerIds. */
  team: z.array(TeamMember).optional(),
  /** The stage and retention date (G13); absent means planning. */
  lifecycle: ReviewLifecycle.optional(),
  /** Who else the host shares it with (G14). */
  shares: z.array(ReviewShare).optional(),
});
export type PeerReviewFacts = z.infer<typeof PeerReviewFacts>;

/**
 * M47: a peer review's strengths, published by its host to one collaborative the host school is
 * in, as a document of its own. The host school owns it; the collaborative's convenor and its
 * member schools' leaders read it. Nothing here links back to the review's team or notes.
 */
export const ReviewExtractFacts = z.object({
  hostSchoolId: SchoolId,
  fromReviewId: z.string().regex(DOC_ID_PATTERN).refine((id) => id.startsWith('peer-review:'), { message: 'M47: an extract comes from a peer review' }),
  collaborativeId: z.string().min(1),
});
export type ReviewExtractFacts = z.infer<typeof ReviewExtractFacts>;

/**
 * Server-side facts about a live document. Its content lives in the Y.Doc (see docs/).
 * A workspace is owned by a collaborative; every other kind (self-evaluation, peer review,
 * development plan, progress review) by a school (M14).
 */
export const DocumentRecord = z
  .object({
    id: z.string().regex(DOC_ID_PATTERN),
    kind: DocumentKind,
    owner: DocumentOwner,
    title: z.string().min(1).refine((text) => !hasBidiControl(text), { message: bidiControlMessage }),
    peerReview: PeerReviewFacts.optional(),
    /** M47: where a published extract came from and which collaborative reads it. */
    reviewExtract: ReviewExtractFacts.optional(),
    /** D45: the title in each language, once an owner has renamed it; `title` is Welsh first. */
    titles: DocumentTitles.optional(),
    /** P97: when an owner archived it (ISO); an archived document is read-only for everyone (P96). */
    archivedAt: z.string().optional(),
  })
  .refine((d) => d.id.startsWith(`${d.kind}:`), { message: 'M13: the id starts with its kind', path: ['id'] })
  .refine((d) => (d.kind === 'workspace') === (d.owner.type === 'collaborative'), {
    message: 'M14: a workspace belongs to a collaborative; other documents belong to a school',
    path: ['owner'],
  })
  .refine((d) => (d.kind === 'peer-review') === (d.peerReview !== undefined), {
    message: 'M14: a peer review carries its host, reviewers and share state',
    path: ['peerReview'],
  })
  .refine((d) => (d.kind === 'review-extract') === (d.reviewExtract !== undefined), {
    message: 'M47: a review extract carries the review it came from and its collaborative',
    path: ['reviewExtract'],
  })
  .refine(
    (d) => d.reviewExtract === undefined || (d.owner.type === 'school' && d.owner.schoolId === d.reviewExtract.hostSchoolId),
    { message: 'M47: a review extract is owned by the review\'s host school', path: ['owner'] },
  )
  .refine(
    (d) => d.peerReview === undefined || (d.owner.type === 'school' && d.owner.schoolId === d.peerReview.hostSchoolId),
    { message: 'M14: a peer review is owned by its host school', path: ['owner'] },
  );
export type DocumentRecord = z.infer<typeof DocumentRecord>;

const RANDOM_PART = /^[A-Za-z0-9_-]{6,64}$/;

/**
 * A new document id, `<kind>:<random>`. The caller supplies the random part (e.g. from
 * crypto.randomUUID without dashes, or nanoid) because this package does no I/O and imports no
 * crypto; it must be 6-64 URL-safe characters so the id is a safe path segment (M13, W3).
 */
export function newDocId(kind: DocumentKind, random: string): string {
  if (!RANDOM_PART.test(random)) {
    throw new Error(`newDocId: the random part must be 6-64 characters of [A-Za-z0-9_-], got ${JSON.stringify(random)}`);
  }
  return `${kind}:${random}`;
}

/** The kind of a document id, or null if the id is malformed or of an unknown kind. */
export function docKindOf(id: string): DocumentKind | null {
  if (!DOC_ID_PATTERN.test(id)) return null;
  const kind = id.slice(0, id.indexOf(':'));
  return isDocumentKind(kind) ? kind : null;
}
