/**
 * The document registry: which documents exist, their kind, owner, host school, named
 * reviewers and LA shares. The sync core stores content; this says whose it is. A row with
 * erased_at set is a tombstone: the id is never served again.
 */
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { DocumentKind, DocumentRecord } from '@cydweithio/model/domain/document';
import { commentMentions, comments } from '../db/schema/comments';
import { actionReminders, notificationOutbox, notifications } from '../db/schema/notifications';
import { documentShares, documents, invitations, peerReviewReviewers } from '../db/schema/directory';
import { peerReviewLifecycle, peerReviewShares, peerReviewTeam, reviewExtracts } from '../db/schema/peer-reviews';
import { reviewingRoles, type ReviewShare, type ReviewStage, type TeamMember, type TeamRole } from '@cydweithio/model/domain/reviewTeam';
import type { Clock } from './context';
import type { Sql } from '../db/sql';
import { docChanges, docLooks, docText } from '../db/schema/activity';

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
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /** A live document, or null when unknown or erased. */
  async get(id: string): Promise<RegisteredDocument | null> {
    const row = await this.sql.one((db) => db.select().from(documents).where(and(eq(documents.id, id), isNull(documents.erasedAt))));
    return row ? ((await this.assemble([row]))[0] ?? null) : null;
  }

  /**
   * Live documents owned by any of these schools or collaboratives, or reviewed by this person:
   * on a review's team, or shared with them or one of their collaboratives (G10, G14).
   */
  async candidates(scope: { schoolIds: readonly string[]; collaborativeIds: readonly string[]; reviewerId: string }): Promise<RegisteredDocument[]> {
    // Archived documents drop off every list (A112); get() still finds them, read-only.
    return (await this.candidatesIncludingArchived(scope)).filter((d) => d.record.archivedAt === undefined);
  }

  private async candidatesIncludingArchived(scope: { schoolIds: readonly string[]; collaborativeIds: readonly string[]; reviewerId: string }): Promise<RegisteredDocument[]> {
    const sharedWith = [
      and(eq(peerReviewShares.granteeType, 'person'), eq(peerReviewShares.granteeId, scope.reviewerId)),
      scope.collaborativeIds.length > 0 ? and(eq(peerReviewShares.granteeType, 'collaborative'), inArray(peerReviewShares.granteeId, [...scope.collaborativeIds])) : undefined,
    ].filter((c) => c !== undefined);
    const [legacy, team, shared, extracts] = await Promise.all([
      this.sql.all((db) => db.select({ id: peerReviewReviewers.documentId }).from(peerReviewReviewers).where(eq(peerReviewReviewers.personId, scope.reviewerId))),
      this.sql.all((db) => db.select({ id: peerReviewTeam.documentId }).from(peerReviewTeam).where(eq(peerReviewTeam.personId, scope.reviewerId))),
      this.sql.all((db) => db.select({ id: peerReviewShares.documentId }).from(peerReviewShares).where(or(...sharedWith))),
      // G40: the strengths published to one of their collaboratives.
      scope.collaborativeIds.length > 0
        ? this.sql.all((db) => db.select({ id: reviewExtracts.documentId }).from(reviewExtracts).where(inArray(reviewExtracts.collaborativeId, [...scope.collaborativeIds])))
        : Promise.resolve([]),
    ]);
    const reviewed = [...new Set([...legacy, ...team, ...shared, ...extracts].map((r) => r.id))];
    const owned = [
      scope.schoolIds.length > 0 ? and(eq(documents.ownerType, 'school'), inArray(documents.ownerId, [...scope.schoolIds])) : undefined,
      scope.collaborativeIds.length > 0 ? and(eq(documents.ownerType, 'collaborative'), inArray(documents.ownerId, [...scope.collaborativeIds])) : undefined,
      reviewed.length > 0 ? inArray(documents.id, reviewed) : undefined,
    ].filter((c) => c !== undefined);
    if (owned.length === 0) return [];
    return this.assemble(await this.sql.all((db) => db.select().from(documents).where(and(isNull(documents.erasedAt), or(...owned))).orderBy(documents.createdAt)));
  }

  /**
   * Archived documents (A112) the same scope would list: the owners' "Archived" view. Separate
   * from candidates() so no list that feeds work (search, feeds, the LA) sees them by accident.
   */
  async archivedCandidates(scope: { schoolIds: readonly string[]; collaborativeIds: readonly string[]; reviewerId: string }): Promise<RegisteredDocument[]> {
    return (await this.candidatesIncludingArchived(scope)).filter((d) => d.record.archivedAt !== undefined);
  }

  /** Renames (A110): both languages' titles and the Welsh-first one. False when unknown or erased. */
  async rename(id: string, titles: { cy: string; en: string }, title: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(documents).set({ title, titleCy: titles.cy, titleEn: titles.en })
      .where(and(eq(documents.id, id), isNull(documents.erasedAt))))) === 1;
  }

  /** Archives or restores (A111). False when it already was so (or is unknown or erased). */
  async setArchived(id: string, archived: boolean): Promise<boolean> {
    return (await this.sql.run((db) => db.update(documents).set({ archivedAt: archived ? new Date(this.clock()) : null })
      .where(and(eq(documents.id, id), isNull(documents.erasedAt), archived ? isNull(documents.archivedAt) : isNotNull(documents.archivedAt))))) === 1;
  }

  /** Ids of the live documents one school or collaborative owns (to re-check their sockets). */
  async idsOwnedBy(ownerType: 'school' | 'collaborative', ownerId: string): Promise<string[]> {
    const rows = await this.sql.all((db) => db.select({ id: documents.id }).from(documents)
      .where(and(eq(documents.ownerType, ownerType), eq(documents.ownerId, ownerId), isNull(documents.erasedAt))));
    return rows.map((r) => r.id);
  }

  async create(doc: NewDocument): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(documents).values({
        id: doc.id, kind: doc.kind, title: doc.title,
        ownerType: doc.owner.type,
        ownerId: doc.owner.type === 'school' ? doc.owner.schoolId : doc.owner.collaborativeId,
        hostSchoolId: doc.kind === 'peer-review' && doc.owner.type === 'school' ? doc.owner.schoolId : null,
        createdBy: doc.createdBy, createdAt: new Date(this.clock()),
      }));
      for (const personId of new Set(doc.reviewerIds ?? [])) await tx.run((db) => db.insert(peerReviewReviewers).values({ documentId: doc.id, personId }));
    });
  }

  /** Today as an ISO date by the registry's clock (a closed review's retention date, P62). */
  today(): string {
    return new Date(this.clock()).toISOString().slice(0, 10);
  }

  /** Adds a team member or changes their role (G10). */
  async setTeamMember(id: string, personId: string, role: TeamRole, addedBy: string): Promise<void> {
    await this.sql.run((db) => db.insert(peerReviewTeam).values({ documentId: id, personId, role, addedBy, addedAt: new Date(this.clock()) })
      .onConflictDoUpdate({ target: [peerReviewTeam.documentId, peerReviewTeam.personId], set: { role, addedBy } }));
  }

  /** Takes someone off the team (and off the reviewers named at creation). False when they were not on it. */
  async removeTeamMember(id: string, personId: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const team = await tx.run((db) => db.delete(peerReviewTeam).where(and(eq(peerReviewTeam.documentId, id), eq(peerReviewTeam.personId, personId))));
      const named = await tx.run((db) => db.delete(peerReviewReviewers).where(and(eq(peerReviewReviewers.documentId, id), eq(peerReviewReviewers.personId, personId))));
      return team + named > 0;
    });
  }

  async setStage(id: string, stage: ReviewStage, retainUntil: string | null, changedBy: string): Promise<void> {
    const values = { stage, retainUntil, changedBy, changedAt: new Date(this.clock()) };
    await this.sql.run((db) => db.insert(peerReviewLifecycle).values({ documentId: id, ...values })
      .onConflictDoUpdate({ target: peerReviewLifecycle.documentId, set: values }));
  }

  /** Returns false when it was already shared so. */
  async shareReview(id: string, share: ReviewShare, sharedBy: string): Promise<boolean> {
    return (await this.sql.run((db) => db.insert(peerReviewShares).values({ documentId: id, granteeType: share.type, granteeId: share.id, sharedBy, sharedAt: new Date(this.clock()) })
      .onConflictDoNothing())) === 1;
  }

  /** Returns false when it was not shared so. */
  async unshareReview(id: string, share: ReviewShare): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(peerReviewShares)
      .where(and(eq(peerReviewShares.documentId, id), eq(peerReviewShares.granteeType, share.type), eq(peerReviewShares.granteeId, share.id))))) > 0;
  }

  /** Who shared what, when: the host's view of its shares (G14). */
  async reviewShares(id: string): Promise<{ type: ReviewShare['type']; id: string; sharedBy: string; sharedAt: string }[]> {
    const rows = await this.sql.all((db) => db.select().from(peerReviewShares).where(eq(peerReviewShares.documentId, id)).orderBy(peerReviewShares.sharedAt));
    return rows.map((r) => ({ type: r.granteeType, id: r.granteeId, sharedBy: r.sharedBy, sharedAt: r.sharedAt.toISOString() }));
  }

  /** G40: registers an extract's facts; the extract's own row is made by create() first. */
  async addExtract(documentId: string, reviewId: string, collaborativeId: string, publishedBy: string): Promise<void> {
    const at = new Date(this.clock());
    await this.sql.run((db) => db.insert(reviewExtracts).values({ documentId, reviewId, collaborativeId, publishedBy, publishedAt: at, refreshedAt: at }));
  }

  /** G41: when the extract was last copied from its review. */
  async markExtractRefreshed(documentId: string): Promise<void> {
    await this.sql.run((db) => db.update(reviewExtracts).set({ refreshedAt: new Date(this.clock()) }).where(eq(reviewExtracts.documentId, documentId)));
  }

  /** A review's live extracts, one per collaborative, oldest first (G40). */
  async extractsOf(reviewId: string): Promise<{ documentId: string; collaborativeId: string; publishedBy: string; publishedAt: string; refreshedAt: string }[]> {
    const rows = await this.sql.all((db) => db.select().from(reviewExtracts)
      .innerJoin(documents, eq(documents.id, reviewExtracts.documentId))
      .where(and(eq(reviewExtracts.reviewId, reviewId), isNull(documents.erasedAt))).orderBy(reviewExtracts.publishedAt));
    return rows.map(({ review_extracts: r }) => ({
      documentId: r.documentId, collaborativeId: r.collaborativeId, publishedBy: r.publishedBy,
      publishedAt: r.publishedAt.toISOString(), refreshedAt: r.refreshedAt.toISOString(),
    }));
  }

  /** Returns false when it was already shared. */
  async shareWithLa(id: string, laCode: number, sharedBy: string): Promise<boolean> {
    return (await this.sql.run((db) => db.insert(documentShares).values({ documentId: id, grantee: 'la', laCode, sharedBy, sharedAt: new Date(this.clock()) })
      .onConflictDoNothing())) === 1;
  }

  /** Returns false when it was not shared. */
  async unshareWithLa(id: string, laCode: number): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(documentShares)
      .where(and(eq(documentShares.documentId, id), eq(documentShares.grantee, 'la'), eq(documentShares.laCode, laCode))))) > 0;
  }

  /**
   * Marks the document erased; its reviewers, shares and comments go with it (A31: a comment
   * quotes and discusses the content, so it must not outlive it). Returns false if already gone.
   */
  async erase(id: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const erased = await tx.run((db) => db.update(documents).set({ erasedAt: new Date(this.clock()) }).where(and(eq(documents.id, id), isNull(documents.erasedAt))));
      await tx.run((db) => db.delete(documentShares).where(eq(documentShares.documentId, id)));
      // Its searchable text, who changed what and who looked when go with it (A126).
      await tx.run((db) => db.delete(docText).where(eq(docText.docId, id)));
      await tx.run((db) => db.delete(docChanges).where(eq(docChanges.docId, id)));
      await tx.run((db) => db.delete(docLooks).where(eq(docLooks.docId, id)));
      await tx.run((db) => db.delete(peerReviewReviewers).where(eq(peerReviewReviewers.documentId, id)));
      await tx.run((db) => db.delete(peerReviewTeam).where(eq(peerReviewTeam.documentId, id)));
      await tx.run((db) => db.delete(peerReviewShares).where(eq(peerReviewShares.documentId, id)));
      await tx.run((db) => db.delete(peerReviewLifecycle).where(eq(peerReviewLifecycle.documentId, id)));
      // A withdrawn extract (G42) is no longer the review's: publishing again makes a new one.
      await tx.run((db) => db.delete(reviewExtracts).where(eq(reviewExtracts.documentId, id)));
      await tx.run((db) => db.delete(commentMentions).where(eq(commentMentions.documentId, id)));
      await tx.run((db) => db.delete(comments).where(eq(comments.documentId, id)));
      // Notifications about it go too, their unsent emails first, and the record of which
      // action reminders it had (A144, A151).
      await tx.run((db) => db.delete(actionReminders).where(eq(actionReminders.documentId, id)));
      const told = tx.all((db) => db.select({ id: notifications.id }).from(notifications).where(eq(notifications.documentId, id)));
      const toldIds = (await told).map((n) => n.id);
      if (toldIds.length > 0) await tx.run((db) => db.delete(notificationOutbox).where(inArray(notificationOutbox.notificationId, toldIds)));
      await tx.run((db) => db.delete(notifications).where(eq(notifications.documentId, id)));
      await this.withdrawTeamInvitations(tx, id);
      return erased === 1;
    });
  }

  /**
   * A16, G39: an erased review's open team invitations are withdrawn as the host's withdrawal
   * does (marked used by nobody, so their links answer 410), and an invitation email not yet
   * sent for one goes too: a link to a place on a team that no longer exists helps nobody.
   */
  private async withdrawTeamInvitations(tx: Sql, documentId: string): Promise<void> {
    const open = await tx.all((db) => db.select({ id: invitations.id }).from(invitations).where(and(eq(invitations.documentId, documentId), isNull(invitations.usedAt))));
    const openIds = open.map((i) => i.id);
    if (openIds.length === 0) return;
    await tx.run((db) => db.update(invitations).set({ usedAt: new Date(this.clock()) }).where(inArray(invitations.id, openIds)));
    const unsent = await tx.all((db) => db.select({ id: notificationOutbox.id, payload: notificationOutbox.payload }).from(notificationOutbox)
      .where(and(eq(notificationOutbox.kind, 'invitation'), isNull(notificationOutbox.sentAt))));
    const dead = unsent.filter((row) => openIds.includes(String(row.payload.invitationId))).map((row) => row.id);
    if (dead.length > 0) await tx.run((db) => db.delete(notificationOutbox).where(inArray(notificationOutbox.id, dead)));
  }

  /** Registry rows with their LA shares and reviewers: two queries for any number of rows. */
  private async assemble(rows: readonly DocumentRow[]): Promise<RegisteredDocument[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [shares, reviewers, team, lifecycles, reviewShares, extracts] = await Promise.all([
      this.sql.all((db) => db.select().from(documentShares).where(and(inArray(documentShares.documentId, ids), eq(documentShares.grantee, 'la')))),
      this.sql.all((db) => db.select().from(peerReviewReviewers).where(inArray(peerReviewReviewers.documentId, ids))),
      this.sql.all((db) => db.select().from(peerReviewTeam).where(inArray(peerReviewTeam.documentId, ids))),
      this.sql.all((db) => db.select().from(peerReviewLifecycle).where(inArray(peerReviewLifecycle.documentId, ids))),
      this.sql.all((db) => db.select().from(peerReviewShares).where(inArray(peerReviewShares.documentId, ids))),
      this.sql.all((db) => db.select().from(reviewExtracts).where(inArray(reviewExtracts.documentId, ids))),
    ]);
    return rows.map((row) => {
      const sharedWithLaCodes = shares.filter((s) => s.documentId === row.id).map((s) => s.laCode);
      const owner: DocumentRecord['owner'] = row.ownerType === 'school'
        ? { type: 'school', schoolId: row.ownerId }
        : { type: 'collaborative', collaborativeId: row.ownerId };
      const base = {
        id: row.id, kind: row.kind as DocumentKind, owner, title: row.title,
        ...(row.titleCy !== null || row.titleEn !== null ? { titles: { cy: row.titleCy ?? '', en: row.titleEn ?? '' } } : {}),
        ...(row.archivedAt ? { archivedAt: row.archivedAt.toISOString() } : {}),
      };
      const members: TeamMember[] = team.filter((m) => m.documentId === row.id).map((m) => ({ personId: m.personId, role: m.role }));
      const lifecycle = lifecycles.find((l) => l.documentId === row.id);
      const extract = extracts.find((x) => x.documentId === row.id);
      if (row.kind === 'review-extract' && extract) {
        const record: DocumentRecord = { ...base, reviewExtract: { hostSchoolId: row.ownerId, fromReviewId: extract.reviewId, collaborativeId: extract.collaborativeId } };
        return { record, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), sharedWithLaCodes };
      }
      const record: DocumentRecord = row.kind === 'peer-review' && row.hostSchoolId
        ? {
          ...base,
          peerReview: {
            hostSchoolId: row.hostSchoolId,
            // Reviewers named at creation, and the team's reviewing roles (G10).
            reviewerIds: [...new Set([
              ...reviewers.filter((r) => r.documentId === row.id).map((r) => r.personId),
              ...members.filter((m) => reviewingRoles.includes(m.role)).map((m) => m.personId),
            ])],
            // The host school shares with its own LA; a share row for that LA is the switch (P5).
            sharedWithLa: sharedWithLaCodes.length > 0,
            team: members,
            ...(lifecycle ? { lifecycle: { stage: lifecycle.stage, retainUntil: lifecycle.retainUntil } } : {}),
            shares: reviewShares.filter((s) => s.documentId === row.id).map((s) => ({ type: s.granteeType, id: s.granteeId })),
          },
        }
        : base;
      return { record, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), sharedWithLaCodes };
    });
  }
}
