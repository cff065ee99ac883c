/**
 * The improvement cycle's own facts (CYCLE.md E2, E14, E16, E22): plans per school and year,
 * reviews per period, the two confirmations of a review, and facilitators' caseloads. Every
 * query runs through `Sql`; what was agreed is in the record, never here.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { caseloads, plans, progressReviews, reviewConfirmations } from '../db/schema/cycle';
import type { Sql } from '../db/sql';
import type { Clock } from '../access/context';

export interface PlanRow {
  docId: string;
  schoolId: string;
  academicYear: number;
  previousPlanId: string;
}

export interface ReviewRow {
  docId: string;
  schoolId: string;
  planDocId: string;
  term: string;
  halfTerm: 0 | 1 | 2;
  supportLevel: 'core' | 'enhanced';
  agreedHash: string | null;
}

export interface Confirmation {
  side: 'facilitator' | 'school';
  personId: string;
  contentHash: string;
  confirmedAt: string;
}

const toReview = (r: typeof progressReviews.$inferSelect): ReviewRow => ({
  docId: r.docId, schoolId: r.schoolId, planDocId: r.planDocId, term: r.term,
  halfTerm: r.halfTerm === 1 || r.halfTerm === 2 ? r.halfTerm : 0, supportLevel: r.supportLevel, agreedHash: r.agreedHash,
});

export class CycleStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  async addPlan(plan: PlanRow): Promise<void> {
    await this.sql.run((db) => db.insert(plans).values({ ...plan, createdAt: new Date(this.clock()) }).onConflictDoNothing());
  }

  async plan(docId: string): Promise<PlanRow | null> {
    return (await this.sql.one((db) => db.select({ docId: plans.docId, schoolId: plans.schoolId, academicYear: plans.academicYear, previousPlanId: plans.previousPlanId }).from(plans).where(eq(plans.docId, docId)))) ?? null;
  }

  /** A school's plans, newest year first. */
  async plansOf(schoolIds: readonly string[]): Promise<PlanRow[]> {
    if (schoolIds.length === 0) return [];
    return this.sql.all((db) => db.select({ docId: plans.docId, schoolId: plans.schoolId, academicYear: plans.academicYear, previousPlanId: plans.previousPlanId })
      .from(plans).where(inArray(plans.schoolId, [...schoolIds])).orderBy(desc(plans.academicYear), asc(plans.createdAt)));
  }

  async addReview(review: Omit<ReviewRow, 'agreedHash'>): Promise<void> {
    await this.sql.run((db) => db.insert(progressReviews).values({ ...review, createdAt: new Date(this.clock()) }).onConflictDoNothing());
  }

  async review(docId: string): Promise<ReviewRow | null> {
    const row = await this.sql.one((db) => db.select().from(progressReviews).where(eq(progressReviews.docId, docId)));
    return row ? toReview(row) : null;
  }

  async reviewsOf(schoolIds: readonly string[]): Promise<ReviewRow[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.sql.all((db) => db.select().from(progressReviews).where(inArray(progressReviews.schoolId, [...schoolIds])).orderBy(asc(progressReviews.createdAt)));
    return rows.map(toReview);
  }

  async markAgreed(docId: string, hash: string): Promise<void> {
    await this.sql.run((db) => db.update(progressReviews).set({ agreedHash: hash, agreedAt: new Date(this.clock()) }).where(eq(progressReviews.docId, docId)));
  }

  async confirmations(docId: string): Promise<Confirmation[]> {
    const rows = await this.sql.all((db) => db.select().from(reviewConfirmations).where(eq(reviewConfirmations.docId, docId)));
    return rows.map((r) => ({ side: r.side, personId: r.personId, contentHash: r.contentHash, confirmedAt: r.confirmedAt.toISOString() }));
  }

  /** One confirmation per side: a new one replaces that side's earlier one. */
  async confirm(docId: string, c: Omit<Confirmation, 'confirmedAt'>): Promise<void> {
    const confirmedAt = new Date(this.clock());
    await this.sql.run((db) => db.insert(reviewConfirmations).values({ docId, ...c, confirmedAt })
      .onConflictDoUpdate({ target: [reviewConfirmations.docId, reviewConfirmations.side], set: { personId: c.personId, contentHash: c.contentHash, confirmedAt } }));
  }

  async withdraw(docId: string, side: 'facilitator' | 'school'): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(reviewConfirmations).where(and(eq(reviewConfirmations.docId, docId), eq(reviewConfirmations.side, side))))) > 0;
  }

  async assign(facilitatorId: string, schoolId: string, assignedBy: string | null): Promise<void> {
    await this.sql.run((db) => db.insert(caseloads).values({ facilitatorId, schoolId, assignedBy, assignedAt: new Date(this.clock()) }).onConflictDoNothing());
  }

  async caseload(facilitatorId: string): Promise<string[]> {
    const rows = await this.sql.all((db) => db.select({ schoolId: caseloads.schoolId }).from(caseloads).where(eq(caseloads.facilitatorId, facilitatorId)).orderBy(asc(caseloads.schoolId)));
    return rows.map((r) => r.schoolId);
  }

}
