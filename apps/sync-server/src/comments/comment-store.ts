/**
 * The comment channel of a document (ACCESS.md A28-A31). The store only reads and writes rows;
 * who may list, add or resolve is the model policy's, asked by the routes.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import { comments } from '../db/schema/comments';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';

type CommentRow = typeof comments.$inferSelect;

export interface DocumentComment {
  id: string;
  documentId: string;
  authorId: string;
  anchor: string | null;
  body: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface NewComment {
  id: string;
  documentId: string;
  authorId: string;
  anchor?: string | undefined;
  body: string;
}

function toComment(row: CommentRow): DocumentComment {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
  };
}

export class CommentStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /** Oldest first, so a thread reads in the order it was written. */
  async forDocument(documentId: string): Promise<DocumentComment[]> {
    const rows = await this.sql.all((db) => db.select().from(comments).where(eq(comments.documentId, documentId))
      .orderBy(asc(comments.createdAt), asc(comments.id)));
    return rows.map(toComment);
  }

  async get(documentId: string, id: string): Promise<DocumentComment | null> {
    const row = await this.sql.one((db) => db.select().from(comments).where(and(eq(comments.documentId, documentId), eq(comments.id, id))));
    return row ? toComment(row) : null;
  }

  async add(comment: NewComment): Promise<DocumentComment> {
    const [row] = await this.sql.all((db) => db.insert(comments).values({
      id: comment.id, documentId: comment.documentId, authorId: comment.authorId,
      anchor: comment.anchor ?? null, body: comment.body, createdAt: new Date(this.clock()),
    }).returning());
    if (!row) throw new Error('comment insert returned no row');
    return toComment(row);
  }

  /** Marks it resolved once; resolving again keeps the first resolution. Null when unknown. */
  async resolve(documentId: string, id: string, by: string): Promise<DocumentComment | null> {
    await this.sql.run((db) => db.update(comments).set({ resolvedAt: new Date(this.clock()), resolvedBy: by })
      .where(and(eq(comments.documentId, documentId), eq(comments.id, id), isNull(comments.resolvedAt))));
    return this.get(documentId, id);
  }
}
