/**
 * The document registry: which documents exist, their kind, owner, host school, named
 * reviewers and LA shares. The sync core stores content; this says whose it is. A row with
 * erased_at set is a tombstone: the id is never served again.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DocumentKind, DocumentRecord } from '@cydweithio/model/domain/document';
import { comments } from '../db/schema/comments';
import { documentShares, documents, peerReviewReviewers } from '../db/schema/directory';
import type { Clock, Db } from './context';

type DocumentRow = typeof documents.$inferSelect;

export interface RegisteredDocument {
  record: DocumentRecord;
  createdBy: string | null;
  createdAt: string;
  /** LA codes the document is shared with (peer reviews only). */
  sharedWithLaCodes: number[];
}

export interface NewDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  owner: DocumentRecord['owner'];
  reviewerIds?: readonly string[];
  /** Null for documents the system made (demo seeding). */
  createdBy: string | null;
}

export class DocumentRegistry {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  /** A live document, or null when unknown or erased. */
  get(id: string): RegisteredDocument | null {
    const row = this.db.select().from(documents).where(and(eq(documents.id, id), isNull(documents.erasedAt))).get();
    return row ? this.assemble(row) : null;
  }

  /** Live documents owned by any of these schools or collaboratives, or reviewed by this person. */
  candidates(scope: { schoolIds: readonly string[]; collaborativeIds: readonly string[]; reviewerId: string }): RegisteredDocument[] {
    const reviewed = this.db.select({ id: peerReviewReviewers.documentId }).from(peerReviewReviewers)
      .where(eq(peerReviewReviewers.personId, scope.reviewerId)).all().map((r) => r.id);
    const owned = [
      scope.schoolIds.length > 0 ? and(eq(documents.ownerType, 'school'), inArray(documents.ownerId, [...scope.schoolIds])) : undefined,
      scope.collaborativeIds.length > 0 ? and(eq(documents.ownerType, 'collaborative'), inArray(documents.ownerId, [...scope.collaborativeIds])) : undefined,
      reviewed.length > 0 ? inArray(documents.id, reviewed) : undefined,
    ].filter((c) => c !== undefined);
    if (owned.length === 0) return [];
    return this.db.select().from(documents).where(and(isNull(documents.erasedAt), or(...owned))).orderBy(documents.createdAt).all()
      .map((row) => this.assemble(row));
  }

  /** Ids of the live documents one school or collaborative owns (to re-check their sockets). */
  idsOwnedBy(ownerType: 'school' | 'collaborative', ownerId: string): string[] {
    return this.db.select({ id: documents.id }).from(documents)
      .where(and(eq(documents.ownerType, ownerType), eq(documents.ownerId, ownerId), isNull(documents.erasedAt))).all().map((r) => r.id);
  }

  create(doc: NewDocument): void {
    this.db.transaction((tx) => {
      tx.insert(documents).values({
        id: doc.id, kind: doc.kind, title: doc.title,
        ownerType: doc.owner.type,
        ownerId: doc.owner.type === 'school' ? doc.owner.schoolId : doc.owner.collaborativeId,
        hostSchoolId: doc.kind === 'peer-review' && doc.owner.type === 'school' ? doc.owner.schoolId : null,
        createdBy: doc.createdBy, createdAt: new Date(this.clock()),
      }).run();
      for (const personId of new Set(doc.reviewerIds ?? [])) tx.insert(peerReviewReviewers).values({ documentId: doc.id, personId }).run();
    });
  }

  /** Returns false when it was already shared. */
  shareWithLa(id: string, laCode: number, sharedBy: string): boolean {
    const result = this.db.insert(documentShares).values({ documentId: id, grantee: 'la', laCode, sharedBy, sharedAt: new Date(this.clock()) })
      .onConflictDoNothing().run();
    return result.changes === 1;
  }

  /** Returns false when it was not shared. */
  unshareWithLa(id: string, laCode: number): boolean {
    const result = this.db.delete(documentShares)
      .where(and(eq(documentShares.documentId, id), eq(documentShares.grantee, 'la'), eq(documentShares.laCode, laCode))).run();
    return result.changes > 0;
  }

  /**
   * Marks the document erased; its reviewers, shares and comments go with it (A31: a comment
   * quotes and discusses the content, so it must not outlive it). Returns false if already gone.
   */
  erase(id: string): boolean {
    return this.db.transaction((tx) => {
      const result = tx.update(documents).set({ erasedAt: new Date(this.clock()) }).where(and(eq(documents.id, id), isNull(documents.erasedAt))).run();
      tx.delete(documentShares).where(eq(documentShares.documentId, id)).run();
      tx.delete(peerReviewReviewers).where(eq(peerReviewReviewers.documentId, id)).run();
      tx.delete(comments).where(eq(comments.documentId, id)).run();
      return result.changes === 1;
    });
  }

  private assemble(row: DocumentRow): RegisteredDocument {
    const sharedWithLaCodes = this.db.select({ laCode: documentShares.laCode }).from(documentShares)
      .where(and(eq(documentShares.documentId, row.id), eq(documentShares.grantee, 'la'))).all().map((s) => s.laCode);
    const owner: DocumentRecord['owner'] = row.ownerType === 'school'
      ? { type: 'school', schoolId: row.ownerId }
      : { type: 'collaborative', collaborativeId: row.ownerId };
    const base = { id: row.id, kind: row.kind as DocumentKind, owner, title: row.title };
    const record: DocumentRecord = row.kind === 'peer-review' && row.hostSchoolId
      ? {
        ...base,
        peerReview: {
          hostSchoolId: row.hostSchoolId,
          reviewerIds: this.db.select({ id: peerReviewReviewers.personId }).from(peerReviewReviewers)
            .where(eq(peerReviewReviewers.documentId, row.id)).all().map((r) => r.id),
          // The host school shares with its own LA; a share row for that LA is the switch (P5).
          sharedWithLa: sharedWithLaCodes.length > 0,
        },
      }
      : base;
    return { record, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), sharedWithLaCodes };
  }
}
