/**
 * Proposals, the LAs' decisions on them, membership requests and the membership history
 * (COLLABORATIVES.md G20-G36). Storage only: who may do what is the model's policy, asked by
 * the routes before anything here is called.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { CollaborativeProposal, MembershipEvent, ProposalStatus } from '@cydweithio/model/domain/collaborativeProposal';
import { collaborativeProposalDecisions, collaborativeProposals, membershipEvents, membershipRequests } from '../db/schema/convening';
import type { Sql } from '../db/sql';
import type { Clock } from '../access/context';
import { newId } from '../auth/tokens';

export interface StoredProposal {
  id: string;
  proposal: CollaborativeProposal;
  laCodes: number[];
  status: ProposalStatus;
  proposedBy: string;
  proposedAt: number;
  collaborativeId: string | null;
  /** P112: who withdrew it and when, when it was withdrawn. */
  withdrawnBy: string | null;
  withdrawnAt: number | null;
  decisions: { laCode: number; decision: 'approved' | 'declined'; decidedBy: string; decidedAt: number }[];
}

export interface StoredRequest {
  id: string;
  collaborativeId: string;
  schoolId: string;
  status: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  requestedBy: string;
  requestedAt: number;
  /** M46: the new LA whose officer approves this school joining; null when none is needed. */
  approvalLaCode: number | null;
  laApprovedBy: string | null;
  laApprovedAt: number | null;
  /** The headteacher's yes while the LA's was still to come. */
  acceptedBy: string | null;
  acceptedAt: number | null;
}

type RequestRow = typeof membershipRequests.$inferSelect;

function storedRequest(row: RequestRow): StoredRequest {
  return {
    id: row.id, collaborativeId: row.collaborativeId, schoolId: row.schoolId, status: row.status, requestedBy: row.requestedBy, requestedAt: row.requestedAt.getTime(),
    approvalLaCode: row.approvalLaCode, laApprovedBy: row.laApprovedBy, laApprovedAt: row.laApprovedAt?.getTime() ?? null,
    acceptedBy: row.acceptedBy, acceptedAt: row.acceptedAt?.getTime() ?? null,
  };
}

export class ConveningStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  async propose(proposal: CollaborativeProposal, laCodes: readonly number[], proposedBy: string): Promise<string> {
    const id = newId('prop');
    await this.sql.run((db) => db.insert(collaborativeProposals).values({
      id, proposal, laCodes: [...laCodes], status: 'pending', proposedBy, proposedAt: new Date(this.clock()),
    }));
    return id;
  }

  private async withDecisions(rows: readonly (typeof collaborativeProposals.$inferSelect)[]): Promise<StoredProposal[]> {
    if (rows.length === 0) return [];
    const decisions = await this.sql.all((db) => db.select().from(collaborativeProposalDecisions)
      .where(inArray(collaborativeProposalDecisions.proposalId, rows.map((r) => r.id))).orderBy(asc(collaborativeProposalDecisions.decidedAt)));
    return rows.map((row) => ({
      id: row.id, proposal: row.proposal, laCodes: row.laCodes, status: row.status, proposedBy: row.proposedBy,
      proposedAt: row.proposedAt.getTime(), collaborativeId: row.collaborativeId,
      withdrawnBy: row.withdrawnBy, withdrawnAt: row.withdrawnAt?.getTime() ?? null,
      decisions: decisions.filter((d) => d.proposalId === row.id)
        .map((d) => ({ laCode: d.laCode, decision: d.decision, decidedBy: d.decidedBy, decidedAt: d.decidedAt.getTime() })),
    }));
  }

  async proposal(id: string): Promise<StoredProposal | null> {
    const row = await this.sql.one((db) => db.select().from(collaborativeProposals).where(eq(collaborativeProposals.id, id)));
    return row ? ((await this.withDecisions([row]))[0] ?? null) : null;
  }

  /** Every proposal, newest first; the route keeps those the person may see (P107). */
  async proposals(): Promise<StoredProposal[]> {
    return this.withDecisions(await this.sql.all((db) => db.select().from(collaborativeProposals).orderBy(desc(collaborativeProposals.proposedAt))));
  }

  /**
   * One LA's decision, once (the primary key refuses a second for the same LA, so two officers
   * of one LA deciding at once leave one decision). Returns false when that LA had decided.
   */
  async decide(proposalId: string, laCode: number, decision: 'approved' | 'declined', decidedBy: string): Promise<boolean> {
    return (await this.sql.run((db) => db.insert(collaborativeProposalDecisions)
      .values({ proposalId, laCode, decision, decidedBy, decidedAt: new Date(this.clock()) }).onConflictDoNothing())) > 0;
  }

  /** Closes a pending proposal; false when it was no longer pending (someone closed it first). */
  async close(proposalId: string, status: Exclude<ProposalStatus, 'pending'>, collaborativeId: string | null): Promise<boolean> {
    return (await this.sql.run((db) => db.update(collaborativeProposals).set({ status, collaborativeId })
      .where(and(eq(collaborativeProposals.id, proposalId), eq(collaborativeProposals.status, 'pending'))))) > 0;
  }

  /** P112: withdraws a pending proposal; false when it was no longer pending (approved or closed first). */
  async withdraw(proposalId: string, by: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(collaborativeProposals).set({ status: 'withdrawn', withdrawnBy: by, withdrawnAt: new Date(this.clock()) })
      .where(and(eq(collaborativeProposals.id, proposalId), eq(collaborativeProposals.status, 'pending'))))) > 0;
  }

  /** The collaborative an approved proposal became. */
  async link(proposalId: string, collaborativeId: string): Promise<void> {
    await this.sql.run((db) => db.update(collaborativeProposals).set({ collaborativeId }).where(eq(collaborativeProposals.id, proposalId)));
  }

  /** Asks a school; `approvalLaCode` is the new LA that must approve too (M46), or null. */
  async request(collaborativeId: string, schoolId: string, requestedBy: string, approvalLaCode: number | null = null): Promise<string> {
    const id = newId('req');
    await this.sql.run((db) => db.insert(membershipRequests).values({
      id, collaborativeId, schoolId, status: 'pending', requestedBy, requestedAt: new Date(this.clock()), approvalLaCode,
    }));
    return id;
  }

  async requestById(id: string): Promise<StoredRequest | null> {
    const row = await this.sql.one((db) => db.select().from(membershipRequests).where(eq(membershipRequests.id, id)));
    return row ? storedRequest(row) : null;
  }

  /** Pending requests, of one collaborative or to these schools. */
  async pending(where: { collaborativeId: string } | { schoolIds: readonly string[] }): Promise<StoredRequest[]> {
    if ('schoolIds' in where && where.schoolIds.length === 0) return [];
    const scope = 'collaborativeId' in where ? eq(membershipRequests.collaborativeId, where.collaborativeId) : inArray(membershipRequests.schoolId, [...where.schoolIds]);
    const rows = await this.sql.all((db) => db.select().from(membershipRequests).where(and(scope, eq(membershipRequests.status, 'pending'))).orderBy(asc(membershipRequests.requestedAt)));
    return rows.map(storedRequest);
  }

  /** Pending requests still waiting for the approval of one of these LAs (M46, P113). */
  async awaitingLa(laCodes: readonly number[]): Promise<StoredRequest[]> {
    if (laCodes.length === 0) return [];
    const rows = await this.sql.all((db) => db.select().from(membershipRequests)
      .where(and(inArray(membershipRequests.approvalLaCode, [...laCodes]), eq(membershipRequests.status, 'pending'), isNull(membershipRequests.laApprovedAt)))
      .orderBy(asc(membershipRequests.requestedAt)));
    return rows.map(storedRequest);
  }

  /** The headteacher's yes, once; false when the request was not pending or already accepted. */
  async accept(id: string, by: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(membershipRequests).set({ acceptedBy: by, acceptedAt: new Date(this.clock()) })
      .where(and(eq(membershipRequests.id, id), eq(membershipRequests.status, 'pending'), isNull(membershipRequests.acceptedAt))))) > 0;
  }

  /** The new LA's yes (P113), once; false when it was given already or the request is closed. */
  async laApprove(id: string, by: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(membershipRequests).set({ laApprovedBy: by, laApprovedAt: new Date(this.clock()) })
      .where(and(eq(membershipRequests.id, id), eq(membershipRequests.status, 'pending'), isNotNull(membershipRequests.approvalLaCode), isNull(membershipRequests.laApprovedAt))))) > 0;
  }

  /**
   * Closes the request as accepted once everyone needed said yes: its headteacher, and the new
   * LA when one must approve. True for exactly one caller when the last two yeses arrive at once.
   */
  async complete(id: string, by: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(membershipRequests).set({ status: 'accepted', answeredBy: by, answeredAt: new Date(this.clock()) })
      .where(and(
        eq(membershipRequests.id, id), eq(membershipRequests.status, 'pending'), isNotNull(membershipRequests.acceptedAt),
        or(isNull(membershipRequests.approvalLaCode), isNotNull(membershipRequests.laApprovedAt)),
      )))) > 0;
  }

  /** Answers a pending request; false when it was not pending any more (answered at once elsewhere). */
  async answer(id: string, status: 'accepted' | 'declined' | 'withdrawn', answeredBy: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(membershipRequests).set({ status, answeredBy, answeredAt: new Date(this.clock()) })
      .where(and(eq(membershipRequests.id, id), eq(membershipRequests.status, 'pending'))))) > 0;
  }

  async withdrawPendingFor(collaborativeId: string, schoolId: string, by: string): Promise<void> {
    await this.sql.run((db) => db.update(membershipRequests).set({ status: 'withdrawn', answeredBy: by, answeredAt: new Date(this.clock()) })
      .where(and(eq(membershipRequests.collaborativeId, collaborativeId), eq(membershipRequests.schoolId, schoolId), eq(membershipRequests.status, 'pending'))));
  }

  async recordEvent(collaborativeId: string, schoolId: string, event: MembershipEvent, actorPersonId: string | null): Promise<void> {
    await this.sql.run((db) => db.insert(membershipEvents).values({ collaborativeId, schoolId, event, actorPersonId, at: new Date(this.clock()) }));
  }

  /** The membership history, oldest first (G28). */
  async events(collaborativeId: string): Promise<{ schoolId: string; event: MembershipEvent; actorPersonId: string | null; at: number }[]> {
    const rows = await this.sql.all((db) => db.select().from(membershipEvents).where(eq(membershipEvents.collaborativeId, collaborativeId)).orderBy(asc(membershipEvents.id)));
    return rows.map((r) => ({ schoolId: r.schoolId, event: r.event, actorPersonId: r.actorPersonId, at: r.at.getTime() }));
  }
}
