/**
 * Invitations to a collaborative: a single-use link with a role, expiring after a week by
 * default. Only the token's hash is stored. Accepting is one transaction that marks the
 * invitation used only if it still is unused, so a replayed or raced link cannot grant twice.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { collaborativeMembers, invitations, roleAssignments } from '../db/schema/directory';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';
import { hashToken, newId, newToken } from '../auth/tokens';
import { toRoleRow } from './role-rows';

/**
 * A convenor invites people in their school role: a headteacher brings a new school into the
 * collaborative, other roles join a school that is already a member. Convenors and
 * facilitators are named by LA officers in the directory, not by invitation.
 */
export const invitableRoles = ['headteacher', 'senior-leader', 'practitioner', 'governor'] as const;
export type InvitableRole = (typeof invitableRoles)[number];

export interface NewInvitation {
  collaborativeId: string;
  role: InvitableRole;
  email?: string | undefined;
  schoolId: string;
  invitedBy: string;
}

type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = 'open' | 'used' | 'expired';

export interface InvitationView {
  id: string;
  collaborativeId: string;
  role: string;
  email: string | null;
  schoolId: string | null;
  expiresAt: string;
  state: InvitationState;
}

export class Invitations {
  constructor(private readonly sql: Sql, private readonly clock: Clock, private readonly ttlMs: number) {}

  async create(invitation: NewInvitation): Promise<{ id: string; token: string; expiresAt: number }> {
    const token = newToken();
    const id = newId('inv');
    const now = this.clock();
    const expiresAt = now + this.ttlMs;
    await this.sql.run((db) => db.insert(invitations).values({
      id, tokenHash: hashToken(token), collaborativeId: invitation.collaborativeId, role: invitation.role,
      email: invitation.email ?? null, schoolId: invitation.schoolId, invitedBy: invitation.invitedBy,
      createdAt: new Date(now), expiresAt: new Date(expiresAt),
    }));
    return { id, token, expiresAt };
  }

  async find(token: string): Promise<InvitationView | null> {
    const row = await this.sql.one((db) => db.select().from(invitations).where(eq(invitations.tokenHash, hashToken(token))));
    return row ? this.view(row) : null;
  }

  /** Open invitations addressed to this email, for /me. */
  async pendingFor(email: string): Promise<InvitationView[]> {
    const rows = await this.sql.all((db) => db.select().from(invitations)
      .where(and(eq(invitations.email, email), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date(this.clock())))));
    return rows.map((row) => this.view(row));
  }

  /**
   * Grants the invitation's school role to the person and brings the school into the
   * collaborative if it was not a member. Returns the state that stopped it, or 'accepted'.
   */
  async accept(invitationId: string, personId: string): Promise<'accepted' | 'missing' | 'used' | 'expired'> {
    return this.sql.transaction(async (tx) => {
      const row = await tx.one((db) => db.select().from(invitations).where(eq(invitations.id, invitationId)));
      if (!row) return 'missing';
      const state = this.view(row).state;
      if (state !== 'open') return state;
      const marked = await tx.run((db) => db.update(invitations).set({ usedAt: new Date(this.clock()), usedBy: personId })
        .where(and(eq(invitations.id, row.id), isNull(invitations.usedAt))));
      if (marked !== 1) return 'used';
      if (!row.schoolId) return 'missing';
      const schoolId = row.schoolId;
      const assignment = toRoleRow({ role: row.role as InvitableRole, schoolId });
      await tx.run((db) => db.insert(roleAssignments).values({ id: newId('role'), personId, ...assignment }).onConflictDoNothing());
      await tx.run((db) => db.insert(collaborativeMembers).values({ collaborativeId: row.collaborativeId, schoolId }).onConflictDoNothing());
      return 'accepted';
    });
  }

  private view(row: InvitationRow): InvitationView {
    const state: InvitationState = row.usedAt ? 'used' : row.expiresAt.getTime() <= this.clock() ? 'expired' : 'open';
    return {
      id: row.id, collaborativeId: row.collaborativeId, role: row.role, email: row.email, schoolId: row.schoolId,
      expiresAt: row.expiresAt.toISOString(), state,
    };
  }
}
