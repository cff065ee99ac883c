/**
 * Mentions in comments (ACCESS.md A104-A105): who may be mentioned (a reader of the document,
 * model P92) and a person's mentions for their home feed, each re-checked against the policy
 * at the time of asking, so a mention in a document they can no longer read is not shown.
 */
import { decideMention, type PolicyResource } from '@cydweithio/model/policy/index';
import type { DirectoryQueries } from '../directory/directory-queries';
import type { AccessServices } from '../access/services';
import { decide, documentResource, loadActor } from '../access/policy';
import { ProblemError } from '../routes/problem';

/** A comment mentions at most ten people: a thread, not a mailing list. */
export const MAX_MENTIONS = 10;
/** The most mentions one feed request returns. */
export const MAX_MENTIONS_LISTED = 100;

/**
 * The mentioned people, deduplicated, once each is known to be able to read the document.
 * Refused with 422 `comment.mention-not-a-reader`, naming each person who cannot (or is unknown).
 */
export async function checkMentions(directory: DirectoryQueries, resource: PolicyResource, personIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(personIds)];
  const known = new Map((await directory.peopleByIds(unique)).map((p) => [p.id, p.name]));
  const errors: { path: string; message: string }[] = [];
  for (const [i, personId] of unique.entries()) {
    const name = known.get(personId);
    const decision = name === undefined ? null : decideMention(await loadActor(directory, personId), resource);
    if (!decision?.allow) errors.push({ path: `mentions.${i}`, message: `${name ?? personId} cannot read this document.` });
  }
  if (errors.length > 0) throw new ProblemError('comment.mention-not-a-reader', { detail: `${resource.kind}.mention-not-a-reader`, errors });
  return unique;
}

export interface Mention {
  commentId: string;
  documentId: string;
  documentTitle: string;
  authorId: string;
  authorName: string | null;
  /** The comment's text (the person may read the document, so they may read its comments). */
  body: string;
  createdAt: string;
}

/**
 * A person's mentions, newest first, optionally only those after `since`, limited to documents
 * they may read now (A105). For the home feed and `GET /api/mentions`.
 */
export async function listMentionsFor(services: AccessServices, personId: string, since?: Date, limit = MAX_MENTIONS_LISTED): Promise<Mention[]> {
  const { directory, registry, comments } = services;
  const rows = await comments.mentionsOf(personId, since, Math.min(limit, MAX_MENTIONS_LISTED));
  if (rows.length === 0) return [];
  const actor = await loadActor(directory, personId);
  const found = await Promise.all([...new Set(rows.map((r) => r.documentId))].map((id) => documentResource(directory, registry, id)));
  const readable = new Map(found.flatMap((d) => (d && decide(actor, 'read', d.resource).allow ? [[d.doc.record.id, d.doc.record.title] as const] : [])));
  const names = new Map((await directory.peopleByIds([...new Set(rows.map((r) => r.authorId))])).map((p) => [p.id, p.name]));
  return rows.flatMap((r) => {
    const documentTitle = readable.get(r.documentId);
    return documentTitle === undefined ? [] : [{ ...r, documentTitle, authorName: names.get(r.authorId) ?? null }];
  });
}
