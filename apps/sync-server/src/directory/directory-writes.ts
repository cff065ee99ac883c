/**
 * Write side of the directory: storing imported schools, creating and updating
 * collaboratives, their members, convenor and facilitators. Each change is one transaction.
 */
import { and, eq, notInArray } from 'drizzle-orm';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { School } from '@cydweithio/model/domain/school';
import type { LocalAuthority } from '@cydweithio/model/domain/localAuthority';
import {
  collaborativeFacilitators, collaborativeMembers, collaboratives, localAuthorities, people, roleAssignments, schools,
} from '../db/schema/directory';
import type { Sql } from '../db/sql';
import { newId } from '../auth/tokens';

function schoolRow(school: School): typeof schools.$inferInsert {
  return {
    id: school.id, nameCy: school.name.cy, nameEn: school.name.en, sourceNameCy: school.sourceName.cy, sourceNameEn: school.sourceName.en,
    laCode: school.laCode, setting: school.setting, languageCategory: school.languageCategory, wgLanguageCode: school.wgLanguageCode,
    religiousCharacter: school.religiousCharacter, postcode: school.postcode ?? null, lat: school.lat ?? null, lng: school.lng ?? null,
  };
}

/** The convenor role assignments of one collaborative. */
const convenorsOf = (collaborativeId: string) =>
  and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborativeId));

export class DirectoryWrites {
  constructor(private readonly sql: Sql) {}

  async upsertLocalAuthorities(las: readonly LocalAuthority[]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const la of las) {
        const row = { code: la.code, nameCy: la.name.cy, nameEn: la.name.en, gssCode: la.gssCode, regionCode: la.region.code, regionNameCy: la.region.name.cy, regionNameEn: la.region.name.en };
        await tx.run((db) => db.insert(localAuthorities).values(row).onConflictDoUpdate({ target: localAuthorities.code, set: row }));
      }
    });
  }

  /**
   * Stores schools from one edition of the address list. The English edition carries the facts
   * and sets both names only for new schools; the Welsh edition updates the Welsh names.
   */
  async upsertSchools(imported: readonly School[], edition: 'cy' | 'en'): Promise<void> {
    await this.sql.transaction(async (tx) => {
      for (const school of imported) {
        const row = schoolRow(school);
        const { id: _id, nameCy, nameEn, sourceNameCy, sourceNameEn, ...facts } = row;
        const set = edition === 'cy' ? { nameCy, sourceNameCy } : { ...facts, nameEn, sourceNameEn };
        await tx.run((db) => db.insert(schools).values(row).onConflictDoUpdate({ target: schools.id, set }));
      }
    });
  }

  /**
   * Creates or replaces a collaborative: its fields, members, convenors and facilitators. The
   * convenors are `convenorIds` when given (joint convenors), else the one convenorId; roles of
   * convenors kept are left as they were (who granted them, when).
   */
  async saveCollaborative(collaborative: Collaborative, grantedBy?: string, convenorIds: readonly string[] = [collaborative.convenorId]): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const row = {
        id: collaborative.id, nameCy: collaborative.name.cy, nameEn: collaborative.name.en,
        purposeCy: collaborative.purpose?.cy ?? null, purposeEn: collaborative.purpose?.en ?? null, kind: collaborative.kind,
        structure: collaborative.structure, sectorFocus: collaborative.sectorFocus ?? null,
        partnershipId: collaborative.partnershipId ?? null, synthetic: collaborative.synthetic,
      };
      const { id: _id, ...fields } = row;
      await tx.run((db) => db.insert(collaboratives).values(row).onConflictDoUpdate({ target: collaboratives.id, set: fields }));

      const members = [...new Set(collaborative.memberSchoolIds)];
      await tx.run((db) => db.delete(collaborativeMembers).where(and(eq(collaborativeMembers.collaborativeId, collaborative.id), notInArray(collaborativeMembers.schoolId, members))));
      for (const schoolId of members) await tx.run((db) => db.insert(collaborativeMembers).values({ collaborativeId: collaborative.id, schoolId }).onConflictDoNothing());

      const facilitators = [...new Set(collaborative.laFacilitatorIds)];
      await tx.run((db) => db.delete(collaborativeFacilitators).where(and(eq(collaborativeFacilitators.collaborativeId, collaborative.id), notInArray(collaborativeFacilitators.personId, facilitators))));
      for (const personId of facilitators) await tx.run((db) => db.insert(collaborativeFacilitators).values({ collaborativeId: collaborative.id, personId }).onConflictDoNothing());

      const convenorScope = and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborative.id));
      const convenors = [...new Set(convenorIds)];
      await tx.run((db) => db.delete(roleAssignments).where(and(convenorScope, notInArray(roleAssignments.personId, convenors))));
      const at = new Date();
      for (const personId of convenors) {
        await tx.run((db) => db.insert(roleAssignments).values({
          id: newId('role'), personId, role: 'convenor', scopeType: 'collaborative', scopeId: collaborative.id,
          grantedBy: grantedBy ?? null, grantedAt: grantedBy ? at : null, ...(grantedBy ? { createdAt: at } : {}),
        }).onConflictDoNothing());
      }
    });
  }

  /** A new account; the email is stored lower-cased (people.email). */
  async createPerson(person: { id: string; name: string; email: string; passwordHash: string | null }): Promise<void> {
    await this.sql.run((db) => db.insert(people).values({ ...person, email: person.email.toLowerCase() }));
  }

  /** Adds a member school (its headteacher accepted, G25); false when it was one already. */
  async addMemberSchool(collaborativeId: string, schoolId: string): Promise<boolean> {
    return (await this.sql.run((db) => db.insert(collaborativeMembers).values({ collaborativeId, schoolId }).onConflictDoNothing())) > 0;
  }

  /** Gives a person a convenor role on a collaborative (a joint convenor, G23). */
  async addConvenor(collaborativeId: string, personId: string, grantedBy: string): Promise<void> {
    const at = new Date();
    await this.sql.run((db) => db.insert(roleAssignments).values({
      id: newId('role'), personId, role: 'convenor', scopeType: 'collaborative', scopeId: collaborativeId, grantedBy, grantedAt: at, createdAt: at,
    }).onConflictDoNothing());
  }

  /**
   * Names one more convenor (P138, G43) unless they convene already or `max` do: decided inside
   * one transaction that first takes the collaborative's row, so two namings at once are counted
   * one after the other (PostgreSQL waits on the row lock; SQLite has one writer).
   */
  async nameConvenor(collaborativeId: string, personId: string, grantedBy: string, at: Date, max: number): Promise<'named' | 'already' | 'full' | 'gone'> {
    return this.sql.transaction(async (tx) => {
      const held = await this.lockedConvenors(tx, collaborativeId);
      if (held === null) return 'gone';
      if (held.includes(personId)) return 'already';
      if (held.length >= max) return 'full';
      await tx.run((db) => db.insert(roleAssignments).values({
        // created_at to the millisecond (the column's default counts seconds): the first-named
        // convenor is the longest-standing, and a tie would leave it to the random ids.
        id: newId('role'), personId, role: 'convenor', scopeType: 'collaborative', scopeId: collaborativeId, grantedBy, grantedAt: at, createdAt: at,
      }));
      return 'named';
    });
  }

  /**
   * Takes one convenor's role off (only that role: a member contact role stays), never the last
   * (P114, G43): the same row lock as nameConvenor, so two removals at once never leave none.
   */
  async removeConvenor(collaborativeId: string, personId: string): Promise<'removed' | 'not-convenor' | 'last'> {
    return this.sql.transaction(async (tx) => {
      const held = (await this.lockedConvenors(tx, collaborativeId)) ?? [];
      if (!held.includes(personId)) return 'not-convenor';
      if (held.length < 2) return 'last';
      await tx.run((db) => db.delete(roleAssignments).where(and(convenorsOf(collaborativeId), eq(roleAssignments.personId, personId))));
      return 'removed';
    });
  }

  /** Takes the collaborative's row (a write that changes nothing) and reads its convenors; null when it is gone. */
  private async lockedConvenors(tx: Sql, collaborativeId: string): Promise<string[] | null> {
    const locked = await tx.run((db) => db.update(collaboratives).set({ id: collaborativeId }).where(eq(collaboratives.id, collaborativeId)));
    if (locked === 0) return null;
    const rows = await tx.all((db) => db.select({ personId: roleAssignments.personId }).from(roleAssignments).where(convenorsOf(collaborativeId)));
    return rows.map((r) => r.personId);
  }

  /** Returns false when the school was not a member. */
  async removeMemberSchool(collaborativeId: string, schoolId: string): Promise<boolean> {
    return (await this.sql.run((db) => db.delete(collaborativeMembers)
      .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.schoolId, schoolId))))) > 0;
  }

  /** Removes a person's part in a collaborative: co-convenor role and facilitation. */
  async removeMemberPerson(collaborativeId: string, personId: string): Promise<boolean> {
    return this.sql.transaction(async (tx) => {
      const roles = await tx.run((db) => db.delete(roleAssignments).where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborativeId))));
      const facilitation = await tx.run((db) => db.delete(collaborativeFacilitators).where(and(eq(collaborativeFacilitators.collaborativeId, collaborativeId), eq(collaborativeFacilitators.personId, personId))));
      return roles + facilitation > 0;
    });
  }
}
