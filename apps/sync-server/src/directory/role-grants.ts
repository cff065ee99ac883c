/**
 * The role assignments of one scope with who granted each and when (A65), for the access
 * screen and for removals. Writing a grant happens where it is decided: accepting an invitation
 * (directory/invitations.ts), naming a convenor (directory-writes.ts) and an LA officer giving
 * one of the LA's roles to someone already working there (routes/la-access.ts, P117).
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { people, roleAssignments } from '../db/schema/directory';
import type { Sql } from '../db/sql';
import { newId } from '../auth/tokens';
import { toRoleAssignment, toRoleRow, type RoleRow } from './role-rows';
import type { RoleAssignment } from '@cydweithio/model/domain/person';

export interface HeldRole {
  id: string;
  assignment: RoleAssignment;
  person: { id: string; name: string; email: string };
  grantedBy: { id: string; name: string } | null;
  /** When it was granted; for roles set up before A65, when the row was written. */
  grantedAt: string;
}

const granters = alias(people, 'granters');

export class RoleGrants {
  constructor(private readonly sql: Sql) {}

  async inScope(scopeType: RoleRow['scopeType'], scopeId: string): Promise<HeldRole[]> {
    return this.held(and(eq(roleAssignments.scopeType, scopeType), eq(roleAssignments.scopeId, scopeId)));
  }

  private async held(where: SQL | undefined): Promise<HeldRole[]> {
    const rows = await this.sql.all((db) => db.select({
      id: roleAssignments.id, role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId,
      createdAt: roleAssignments.createdAt, grantedAt: roleAssignments.grantedAt,
      personId: people.id, personName: people.name, personEmail: people.email, granterId: granters.id, granterName: granters.name,
    }).from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .leftJoin(granters, eq(granters.id, roleAssignments.grantedBy))
      .where(where)
      .orderBy(asc(people.name), asc(roleAssignments.role)));
    return rows.flatMap((row) => {
      const assignment = toRoleAssignment(row);
      if (!assignment) return [];
      return [{
        id: row.id, assignment, person: { id: row.personId, name: row.personName, email: row.personEmail },
        grantedBy: row.granterId && row.granterName ? { id: row.granterId, name: row.granterName } : null,
        grantedAt: (row.grantedAt ?? row.createdAt).toISOString(),
      }];
    });
  }

  async byId(id: string): Promise<{ id: string; personId: string; assignment: RoleAssignment } | null> {
    const row = await this.sql.one((db) => db.select().from(roleAssignments).where(eq(roleAssignments.id, id)));
    const assignment = row ? toRoleAssignment(row) : null;
    return row && assignment ? { id: row.id, personId: row.personId, assignment } : null;
  }

  /** Records who granted it and when (A65); false when the person already holds it. */
  async grant(personId: string, assignment: RoleAssignment, grantedBy: string, at: Date): Promise<boolean> {
    return (await this.sql.run((db) => db.insert(roleAssignments)
      .values({ id: newId('role'), personId, ...toRoleRow(assignment), grantedBy, grantedAt: at })
      .onConflictDoNothing())) > 0;
  }

  /** Returns false when it was already gone (a concurrent removal). */
  async remove(id: string): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(roleAssignments).where(eq(roleAssignments.id, id)))) > 0;
  }
}
