/**
 * The comment channel of a document (ACCESS.md A28-A31, A100-A107). The store only reads and
 * writes rows; who may list, add, reply, resolve, reopen, edit, delete or be mentioned is the
 * model policy's, asked by the routes.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { CommentRange } from '@cydweithio/model/comments/anchor';
import { commentMentions, comments } from '../db/schema/comments';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';

type CommentRow = typeof comments.$inferSelect;

export interface DocumentComment {
  id: string;
  documentId: string;
  authorId: string;
  /** The thread this answers; null for a thread's first comment. */
  parentId: string | null;
  anchor: string | null;
  range: CommentRange | null;
  body: string;
  /** The people it mentions (A104). */
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface NewComment {
  id: string;
  documentId: string;
  authorId: string;
  parentId?: string | undefined;
  anchor?: string | undefined;
  range?: CommentRange | undefined;
  body: string;
  mentions?: readonly string[] | undefined;
}

/** One mention of a person, for their feed: which comment of which document, by whom, when. */
export interface MentionRow {
  commentId: string;
  documentId: string;
  authorId: string;
  body: string;
  createdAt: string;
}

function toComment(row: CommentRow, mentions: string[]): DocumentComment {
  const { rangeStart, rangeEnd, quote, ...rest } = row;
  return {
    ...rest,
    range: rangeStart && rangeEnd ? { start: rangeStart, end: rangeEnd, quote: quote ?? '' } : null,
    mentions,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
  };
}

export class CommentStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /** Oldest first, so a thread reads in the order it was written. */
  async forDocument(documentId: string): Promise<DocumentComment[]> {
    const rows = await this.sql.all((db) => db.select().from(comments).where(eq(comments.documentId, documentId))
      .orderBy(asc(comments.createdAt), asc(comments.id)));
    const mentioned = await this.sql.all((db) => db.select({ commentId: commentMentions.commentId, personId: commentMentions.personId })
      .from(commentMentions).where(eq(commentMentions.documentId, documentId)));
    const byComment = new Map<string, string[]>();
    for (const m of mentioned) byComment.set(m.commentId, [...(byComment.get(m.commentId) ?? []), m.personId]);
    return rows.map((row) => toComment(row, (byComment.get(row.id) ?? []).sort()));
  }

  async get(documentId: string, id: string): Promise<DocumentComment | null> {
    const row = await this.sql.one((db) => db.select().from(comments).where(and(eq(comments.documentId, documentId), eq(comments.id, id))));
    if (!row) return null;
    const mentioned = await this.sql.all((db) => db.select({ personId: commentMentions.personId }).from(commentMentions).where(eq(commentMentions.commentId, id)));
    return toComment(row, mentioned.map((m) => m.personId).sort());
  }

  /** How many replies a comment has. */
  async replyCount(documentId: string, id: string): Promise<number> {
    const row = await this.sql.one((db) => db.select({ n: count() }).from(comments).where(and(eq(comments.documentId, documentId), eq(comments.parentId, id))));
    return row?.n ?? 0;
  }

  async add(comment: NewComment): Promise<DocumentComment> {
    const createdAt = new Date(this.clock());
    await this.sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(comments).values({
        id: comment.id, documentId: comment.documentId, authorId: comment.authorId, parentId: comment.parentId ?? null,
        anchor: comment.anchor ?? null, rangeStart: comment.range?.start ?? null, rangeEnd: comment.range?.end ?? null,
        quote: comment.range?.quote ?? null, body: comment.body, createdAt,
      }));
      await this.writeMentions(tx, comment.id, comment.documentId, comment.mentions ?? [], createdAt);
    });
    const added = await this.get(comment.documentId, comment.id);
    if (!added) throw new Error('comment insert returned no row');
    return added;
  }

  /** Marks it resolved once; resolving again keeps the first resolution. Null when unknown. */
  async resolve(documentId: string, id: string, by: string): Promise<DocumentComment | null> {
    await this.sql.run((db) => db.update(comments).set({ resolvedAt: new Date(this.clock()), resolvedBy: by })
      .where(and(eq(comments.documentId, documentId), eq(comments.id, id), isNull(comments.resolvedAt))));
    return this.get(documentId, id);
  }

  /** Clears a resolution (A101). Null when unknown. */
  async reopen(documentId: string, id: string): Promise<DocumentComment | null> {
    await this.sql.run((db) => db.update(comments).set({ resolvedAt: null, resolvedBy: null })
      .where(and(eq(comments.documentId, documentId), eq(comments.id, id))));
    return this.get(documentId, id);
  }

  /** A new body and its mentions (A102): mentions added are stamped now, those kept keep their time. */
  async edit(documentId: string, id: string, body: string, mentions: readonly string[]): Promise<DocumentComment | null> {
    const now = new Date(this.clock());
    await this.sql.transaction(async (tx) => {
      await tx.run((db) => db.update(comments).set({ body, editedAt: now }).where(and(eq(comments.documentId, documentId), eq(comments.id, id))));
      const before = (await tx.all((db) => db.select({ personId: commentMentions.personId }).from(commentMentions).where(eq(commentMentions.commentId, id)))).map((m) => m.personId);
      const gone = before.filter((p) => !mentions.includes(p));
      if (gone.length > 0) await tx.run((db) => db.delete(commentMentions).where(and(eq(commentMentions.commentId, id), inArray(commentMentions.personId, gone))));
      await this.writeMentions(tx, id, documentId, mentions.filter((p) => !before.includes(p)), now);
    });
    return this.get(documentId, id);
  }

  /** Removes one comment and its mentions (A103). True if it was there. */
  async remove(documentId: string, id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      await tx.run((db) => db.delete(commentMentions).where(eq(commentMentions.commentId, id)));
      return (await tx.run((db) => db.delete(comments).where(and(eq(comments.documentId, documentId), eq(comments.id, id))))) > 0;
    });
  }

  /** Open threads per document, for the listing (A106): top-level comments not resolved. */
  async openThreadCounts(documentIds: readonly string[]): Promise<Map<string, number>> {
    if (documentIds.length === 0) return new Map();
    const rows = await this.sql.all((db) => db.select({ documentId: comments.documentId, n: count() }).from(comments)
      .where(and(inArray(comments.documentId, [...documentIds]), isNull(comments.parentId), isNull(comments.resolvedAt)))
      .groupBy(comments.documentId));
    return new Map(rows.map((r) => [r.documentId, r.n]));
  }

  /** A person's mentions, newest first, after `since` when given; at most `limit`. Access is the caller's to check. */
  async mentionsOf(personId: string, since: Date | undefined, limit: number): Promise<MentionRow[]> {
    const rows = await this.sql.all((db) => db.select({
      commentId: comments.id, documentId: comments.documentId, authorId: comments.authorId, body: comments.body, createdAt: commentMentions.createdAt,
    }).from(commentMentions).innerJoin(comments, eq(comments.id, commentMentions.commentId))
      .where(since ? and(eq(commentMentions.personId, personId), gt(commentMentions.createdAt, since)) : eq(commentMentions.personId, personId))
      .orderBy(desc(commentMentions.createdAt), asc(comments.id)).limit(limit));
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  private async writeMentions(tx: Sql, commentId: string, documentId: string, people: readonly string[], createdAt: Date): Promise<void> {
    if (people.length === 0) return;
    await tx.run((db) => db.insert(commentMentions).values([...new Set(people)].map((personId) => ({ commentId, personId, documentId, createdAt }))));
  }
}
