/**
 * Invitations: a single-use link naming one address and one role, expiring after a week by
 * default. Only the token's hash is stored. Who may invite, and whether the grant still holds
 * when the link is used, is the model's grant policy (routes/invitations.ts, A66-A69); this
 * store keeps the link and grants in one transaction that marks it used only if still unused,
 * so a replayed or raced link cannot grant twice (A70).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { collaborativeRoles, RoleAssignment, schoolRoles } from '@cydweithio/model/domain/person';
import { teamRoles, type TeamRole } from '@cydweithio/model/domain/reviewTeam';
import { collaborativeMembers, invitations, people, roleAssignments } from '../db/schema/directory';
import { peerReviewTeam } from '../db/schema/peer-reviews';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';
import { hashToken, newId, newToken } from '../auth/tokens';
import { toRoleRow } from './role-rows';

/**
 * The roles an invitation can carry: a school's roles, and a collaborative's (co-convenor,
 * member contact). LA roles and facilitation are named by LA officers in the directory.
 */
export const invitableRoles = [...schoolRoles, ...collaborativeRoles] as const;
/** What an invitation's `role` holds: a role it grants, or (a team-only invitation) the team place. */
export type InvitableRole = (typeof invitableRoles)[number] | TeamRole;

export interface NewInvitation {
  /** The collaborative it comes through (a convenor's or officer's invitation), if any. */
  collaborativeId?: string | undefined;
  role: InvitableRole;
  email: string;
  /** The school of a school role. */
  schoolId?: string | undefined;
  invitedBy: string;
  /** A team invitation (G37): the peer review and the team place it offers. */
  team?: { documentId: string; teamRole: TeamRole } | undefined;
}

type InvitationRow = typeof invitations.$inferSelect;
export type InvitationState = 'open' | 'used' | 'expired';

export interface InvitationView {
  id: string;
  collaborativeId: string | null;
  role: string;
  email: string | null;
  schoolId: string | null;
  invitedBy: string;
  expiresAt: string;
  state: InvitationState;
  /** A team invitation's peer review and team place (G37); null for any other invitation. */
  documentId: string | null;
  teamRole: TeamRole | null;
}

/** Who accepts: an existing account, or a new one created in the same transaction. */
export type Invitee = { personId: string } | { newPerson: { id: string; name: string; email: string; passwordHash: string | null } };

export type AcceptOutcome =
  | { outcome: 'accepted'; personId: string; assignment: RoleAssignment | null; joinedSchoolId: string | null }
  | { outcome: 'missing' | 'used' | 'expired' | 'email-taken' };

/** Thrown inside the transaction to roll back a new account when the grant cannot go ahead. */
class EmailTaken extends Error {}
class AlreadyUsed extends Error {}

/** The role assignment an invitation grants, or null for a stored row that makes no sense. */
export function invitationAssignment(invitation: Pick<InvitationView, 'role' | 'schoolId' | 'collaborativeId'> & { teamRole?: TeamRole | null }): RoleAssignment | null {
  const { role, schoolId, collaborativeId } = invitation;
  // A team-only invitation grants no role: its `role` is the team place.
  if (invitation.teamRole && invitation.teamRole !== 'host-staff') return null;
  const parsed = RoleAssignment.safeParse((schoolRoles as readonly string[]).includes(role) ? { role, schoolId } : { role, collaborativeId });
  return parsed.success ? parsed.data : null;
}

export class Invitations {
  constructor(private readonly sql: Sql, private readonly clock: Clock, private readonly ttlMs: number) {}

  async create(invitation: NewInvitation): Promise<{ id: string; token: string; expiresAt: number }> {
    const token = newToken();
    const id = newId('inv');
    const now = this.clock();
    const expiresAt = now + this.ttlMs;
    await this.sql.run((db) => db.insert(invitations).values({
      id, tokenHash: hashToken(token), collaborativeId: invitation.collaborativeId ?? null, role: invitation.role,
      email: invitation.email, schoolId: invitation.schoolId ?? null, invitedBy: invitation.invitedBy,
      createdAt: new Date(now), expiresAt: new Date(expiresAt),
      documentId: invitation.team?.documentId ?? null, teamRole: invitation.team?.teamRole ?? null,
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

  /** Open invitations to a school's roles, for its access screen. */
  async pendingForSchool(schoolId: string): Promise<InvitationView[]> {
    const rows = await this.sql.all((db) => db.select().from(invitations)
      .where(and(eq(invitations.schoolId, schoolId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date(this.clock())))));
    return rows.map((row) => this.view(row));
  }

  /** Open team invitations to a peer review's team (G38), for its host. */
  async pendingForDocument(documentId: string): Promise<InvitationView[]> {
    const rows = await this.sql.all((db) => db.select().from(invitations)
      .where(and(eq(invitations.documentId, documentId), isNull(invitations.usedAt), gt(invitations.expiresAt, new Date(this.clock())))));
    return rows.map((row) => this.view(row));
  }

  /** Withdraws one open team invitation of this review: marked used by nobody, its link answers 410. */
  async withdrawForDocument(documentId: string, invitationId: string): Promise<boolean> {
    return (await this.sql.run((db) => db.update(invitations).set({ usedAt: new Date(this.clock()) })
      .where(and(eq(invitations.id, invitationId), eq(invitations.documentId, documentId), isNull(invitations.usedAt))))) === 1;
  }

  /**
   * Withdraws the open invitations of a school through a collaborative (the school left it):
   * they are marked used by nobody, so the links answer 410. Returns how many.
   */
  async withdrawForSchool(collaborativeId: string, schoolId: string): Promise<number> {
    return this.sql.run((db) => db.update(invitations).set({ usedAt: new Date(this.clock()) })
      .where(and(eq(invitations.collaborativeId, collaborativeId), eq(invitations.schoolId, schoolId), isNull(invitations.usedAt))));
  }

  /**
   * Grants the invitation's role (recording the inviter as granter) and, for a school role
   * through a collaborative, brings the school in if it was not a member. A new account is
   * created in the same transaction: of several concurrent accepts exactly one finds the link
   * open, the rest see 'used' (and no account of theirs is kept).
   */
  async accept(invitationId: string, invitee: Invitee): Promise<AcceptOutcome> {
    try {
      return await this.sql.transaction(async (tx): Promise<AcceptOutcome> => {
        const row = await tx.one((db) => db.select().from(invitations).where(eq(invitations.id, invitationId)));
        if (!row) return { outcome: 'missing' };
        const view = this.view(row);
        if (view.state !== 'open') return { outcome: view.state };
        const assignment = invitationAssignment(view);
        if (!assignment && !view.teamRole) return { outcome: 'missing' };
        const now = new Date(this.clock());
        const personId = 'personId' in invitee ? invitee.personId : invitee.newPerson.id;
        if ('newPerson' in invitee) {
          const person = { ...invitee.newPerson, email: invitee.newPerson.email.toLowerCase() };
          if (await tx.one((db) => db.select({ id: people.id }).from(people).where(eq(people.email, person.email)))) throw new EmailTaken();
          await tx.run((db) => db.insert(people).values(person));
        }
        const marked = await tx.run((db) => db.update(invitations).set({ usedAt: now, usedBy: personId })
          .where(and(eq(invitations.id, row.id), isNull(invitations.usedAt))));
        // Transactions are serialised (A37), so this only guards a caller outside one; the new account goes with the rollback.
        if (marked !== 1) throw new AlreadyUsed();
        if (assignment) {
          await tx.run((db) => db.insert(roleAssignments).values({
            id: newId('role'), personId, ...toRoleRow(assignment), grantedBy: row.invitedBy, grantedAt: now,
          }).onConflictDoNothing());
        }
        // G37: the team place, in the same transaction as the role (as registry.setTeamMember writes it).
        const { documentId, teamRole } = view;
        if (documentId && teamRole) {
          await tx.run((db) => db.insert(peerReviewTeam).values({ documentId, personId, role: teamRole, addedBy: row.invitedBy, addedAt: now })
            .onConflictDoUpdate({ target: [peerReviewTeam.documentId, peerReviewTeam.personId], set: { role: teamRole, addedBy: row.invitedBy } }));
        }
        let joinedSchoolId: string | null = null;
        if (assignment && 'schoolId' in assignment && row.collaborativeId) {
          const joined = await tx.run((db) => db.insert(collaborativeMembers).values({ collaborativeId: row.collaborativeId ?? '', schoolId: assignment.schoolId }).onConflictDoNothing());
          if (joined > 0) joinedSchoolId = assignment.schoolId;
        }
        return { outcome: 'accepted', personId, assignment, joinedSchoolId };
      });
    } catch (error) {
      if (error instanceof EmailTaken) return { outcome: 'email-taken' };
      if (error instanceof AlreadyUsed) return { outcome: 'used' };
      throw error;
    }
  }

  private view(row: InvitationRow): InvitationView {
    const state: InvitationState = row.usedAt ? 'used' : row.expiresAt.getTime() <= this.clock() ? 'expired' : 'open';
    return {
      id: row.id, collaborativeId: row.collaborativeId, role: row.role, email: row.email, schoolId: row.schoolId,
      invitedBy: row.invitedBy, expiresAt: row.expiresAt.toISOString(), state,
      documentId: row.documentId, teamRole: row.teamRole && (teamRoles as readonly string[]).includes(row.teamRole) ? row.teamRole : null,
    };
  }
}
