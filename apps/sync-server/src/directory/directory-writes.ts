/**
 * Write side of the directory: storing imported schools, creating and updating
 * collaboratives, their members, convenor and facilitators. Each change is one transaction.
 */
import { and, eq, notInArray } from 'drizzle-orm';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { School } from '@cydweithio/model/domain/school';
import type { LocalAuthority } from '@cydweithio/model/domain/localAuthority';
import {
  collaborativeFacilitators, collaborativeMembers, collaboratives, localAuthorities, roleAssignments, schools,
} from '../db/schema/directory';
import type { Db } from '../access/context';
import { newId } from '../auth/tokens';

function schoolRow(school: School): typeof schools.$inferInsert {
  return {
    id: school.id, nameCy: school.name.cy, nameEn: school.name.en, sourceNameCy: school.sourceName.cy, sourceNameEn: school.sourceName.en,
    laCode: school.laCode, setting: school.setting, languageCategory: school.languageCategory, wgLanguageCode: school.wgLanguageCode,
    religiousCharacter: school.religiousCharacter, postcode: school.postcode ?? null, lat: school.lat ?? null, lng: school.lng ?? null,
  };
}

export class DirectoryWrites {
  constructor(private readonly db: Db) {}

  upsertLocalAuthorities(las: readonly LocalAuthority[]): void {
    this.db.transaction((tx) => {
      for (const la of las) {
        const row = { code: la.code, nameCy: la.name.cy, nameEn: la.name.en, gssCode: la.gssCode, regionCode: la.region.code, regionNameCy: la.region.name.cy, regionNameEn: la.region.name.en };
        tx.insert(localAuthorities).values(row).onConflictDoUpdate({ target: localAuthorities.code, set: row }).run();
      }
    });
  }

  /**
   * Stores schools from one edition of the address list. The English edition carries the facts
   * and sets both names only for new schools; the Welsh edition updates the Welsh names.
   */
  upsertSchools(imported: readonly School[], edition: 'cy' | 'en'): void {
    this.db.transaction((tx) => {
      for (const school of imported) {
        const row = schoolRow(school);
        const { id: _id, nameCy, nameEn, sourceNameCy, sourceNameEn, ...facts } = row;
        const set = edition === 'cy' ? { nameCy, sourceNameCy } : { ...facts, nameEn, sourceNameEn };
        tx.insert(schools).values(row).onConflictDoUpdate({ target: schools.id, set }).run();
      }
    });
  }

  /** Creates or replaces a collaborative: its fields, members, convenor and facilitators. */
  saveCollaborative(collaborative: Collaborative): void {
    this.db.transaction((tx) => {
      const row = {
        id: collaborative.id, nameCy: collaborative.name.cy, nameEn: collaborative.name.en, kind: collaborative.kind,
        structure: collaborative.structure, sectorFocus: collaborative.sectorFocus ?? null,
        partnershipId: collaborative.partnershipId ?? null, synthetic: collaborative.synthetic,
      };
      const { id: _id, ...fields } = row;
      tx.insert(collaboratives).values(row).onConflictDoUpdate({ target: collaboratives.id, set: fields }).run();

      const members = [...new Set(collaborative.memberSchoolIds)];
      tx.delete(collaborativeMembers).where(and(eq(collaborativeMembers.collaborativeId, collaborative.id), notInArray(collaborativeMembers.schoolId, members))).run();
      for (const schoolId of members) tx.insert(collaborativeMembers).values({ collaborativeId: collaborative.id, schoolId }).onConflictDoNothing().run();

      const facilitators = [...new Set(collaborative.laFacilitatorIds)];
      tx.delete(collaborativeFacilitators).where(and(eq(collaborativeFacilitators.collaborativeId, collaborative.id), notInArray(collaborativeFacilitators.personId, facilitators))).run();
      for (const personId of facilitators) tx.insert(collaborativeFacilitators).values({ collaborativeId: collaborative.id, personId }).onConflictDoNothing().run();

      const convenorScope = and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborative.id));
      tx.delete(roleAssignments).where(and(convenorScope, notInArray(roleAssignments.personId, [collaborative.convenorId]))).run();
      tx.insert(roleAssignments).values({ id: newId('role'), personId: collaborative.convenorId, role: 'convenor', scopeType: 'collaborative', scopeId: collaborative.id })
        .onConflictDoNothing().run();
    });
  }

  /** Returns false when the school was not a member. */
  removeMemberSchool(collaborativeId: string, schoolId: string): boolean {
    return this.db.delete(collaborativeMembers)
      .where(and(eq(collaborativeMembers.collaborativeId, collaborativeId), eq(collaborativeMembers.schoolId, schoolId))).run().changes > 0;
  }

  /** Removes a person's part in a collaborative: co-convenor role and facilitation. */
  removeMemberPerson(collaborativeId: string, personId: string): boolean {
    return this.db.transaction((tx) => {
      const roles = tx.delete(roleAssignments).where(and(eq(roleAssignments.personId, personId), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborativeId))).run();
      const facilitation = tx.delete(collaborativeFacilitators).where(and(eq(collaborativeFacilitators.collaborativeId, collaborativeId), eq(collaborativeFacilitators.personId, personId))).run();
      return roles.changes + facilitation.changes > 0;
    });
  }
}
