/**
 * Read side of the directory: people, their roles, LAs, schools and collaboratives with their
 * members, convenor and facilitators, in the model's shapes (bilingual names, numeric LA codes).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { LocalAuthority } from '@cydweithio/model/domain/localAuthority';
import type { Person, RoleAssignment } from '@cydweithio/model/domain/person';
import type { School } from '@cydweithio/model/domain/school';
import {
  collaborativeFacilitators, collaborativeMembers, collaboratives, localAuthorities, people, roleAssignments, schools,
} from '../db/schema/directory';
import type { Db } from '../access/context';
import { toRoleAssignment } from './role-rows';

type SchoolRow = typeof schools.$inferSelect;

export function toSchool(row: SchoolRow): School {
  return {
    id: row.id,
    name: { cy: row.nameCy, en: row.nameEn },
    sourceName: { cy: row.sourceNameCy, en: row.sourceNameEn },
    laCode: row.laCode,
    setting: row.setting as School['setting'],
    languageCategory: row.languageCategory as School['languageCategory'],
    wgLanguageCode: row.wgLanguageCode,
    religiousCharacter: row.religiousCharacter as School['religiousCharacter'],
    ...(row.postcode ? { postcode: row.postcode } : {}),
    ...(row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : {}),
  };
}

export class DirectoryQueries {
  constructor(private readonly db: Db) {}

  person(id: string): Person | null {
    return this.db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.id, id)).get() ?? null;
  }

  peopleByIds(ids: readonly string[]): Person[] {
    if (ids.length === 0) return [];
    return this.db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(inArray(people.id, [...ids])).all();
  }

  personByEmail(email: string): Person | null {
    return this.db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(eq(people.email, email)).get() ?? null;
  }

  roles(personId: string): RoleAssignment[] {
    return this.db.select().from(roleAssignments).where(eq(roleAssignments.personId, personId)).all()
      .map(toRoleAssignment).filter((r): r is RoleAssignment => r !== null);
  }

  /** People holding a given role in one scope, e.g. the headteachers of a school. */
  holders(scopeType: 'school' | 'collaborative' | 'la', scopeId: string, role?: string): Person[] {
    const conditions = [eq(roleAssignments.scopeType, scopeType), eq(roleAssignments.scopeId, scopeId)];
    if (role) conditions.push(eq(roleAssignments.role, role));
    return this.db.selectDistinct({ id: people.id, name: people.name, email: people.email })
      .from(roleAssignments).innerJoin(people, eq(people.id, roleAssignments.personId)).where(and(...conditions)).all();
  }

  localAuthorities(): LocalAuthority[] {
    return this.db.select().from(localAuthorities).orderBy(asc(localAuthorities.code)).all().map((row) => ({
      code: row.code,
      name: { cy: row.nameCy, en: row.nameEn },
      gssCode: row.gssCode,
      region: { code: row.regionCode, name: { cy: row.regionNameCy, en: row.regionNameEn } },
    }));
  }

  hasLocalAuthority(code: number): boolean {
    return this.db.select({ code: localAuthorities.code }).from(localAuthorities).where(eq(localAuthorities.code, code)).get() !== undefined;
  }

  schools(laCode?: number): School[] {
    const query = this.db.select().from(schools);
    return (laCode === undefined ? query : query.where(eq(schools.laCode, laCode))).orderBy(asc(schools.nameEn)).all().map(toSchool);
  }

  schoolsByIds(ids: readonly string[]): School[] {
    if (ids.length === 0) return [];
    return this.db.select().from(schools).where(inArray(schools.id, [...ids])).orderBy(asc(schools.nameEn)).all().map(toSchool);
  }

  school(id: string): School | null {
    const row = this.db.select().from(schools).where(eq(schools.id, id)).get();
    return row ? toSchool(row) : null;
  }

  /** Collaboratives any of these schools belong to. */
  collaborativeIdsOfSchools(schoolIds: readonly string[]): string[] {
    if (schoolIds.length === 0) return [];
    return this.db.selectDistinct({ id: collaborativeMembers.collaborativeId }).from(collaborativeMembers)
      .where(inArray(collaborativeMembers.schoolId, [...schoolIds])).all().map((row) => row.id);
  }

  collaborativeIdsFacilitatedBy(personId: string): string[] {
    return this.db.select({ id: collaborativeFacilitators.collaborativeId }).from(collaborativeFacilitators)
      .where(eq(collaborativeFacilitators.personId, personId)).all().map((row) => row.id);
  }

  collaboratives(ids?: readonly string[]): Collaborative[] {
    if (ids && ids.length === 0) return [];
    const base = this.db.select().from(collaboratives);
    const rows = (ids ? base.where(inArray(collaboratives.id, [...ids])) : base).orderBy(asc(collaboratives.nameEn)).all();
    return rows.map((row) => this.assemble(row));
  }

  collaborative(id: string): Collaborative | null {
    const row = this.db.select().from(collaboratives).where(eq(collaboratives.id, id)).get();
    return row ? this.assemble(row) : null;
  }

  /** A collaborative with names for its members, convenor and facilitators, for the directory API. */
  describeCollaborative(collaborative: Collaborative) {
    const named = (ids: readonly string[]) => this.peopleByIds(ids).map(({ id, name }) => ({ id, name }));
    return {
      ...collaborative,
      members: this.schoolsByIds(collaborative.memberSchoolIds).map((s) => ({ id: s.id, name: s.name, laCode: s.laCode, setting: s.setting })),
      convenor: named([collaborative.convenorId])[0] ?? null,
      facilitators: named(collaborative.laFacilitatorIds),
    };
  }

  private assemble(row: typeof collaboratives.$inferSelect): Collaborative {
    const memberSchoolIds = this.db.select({ id: collaborativeMembers.schoolId }).from(collaborativeMembers)
      .where(eq(collaborativeMembers.collaborativeId, row.id)).all().map((m) => m.id);
    const convenor = this.holders('collaborative', row.id, 'convenor')[0];
    const laFacilitatorIds = this.db.select({ id: collaborativeFacilitators.personId }).from(collaborativeFacilitators)
      .where(eq(collaborativeFacilitators.collaborativeId, row.id)).all().map((f) => f.id);
    return {
      id: row.id,
      name: { cy: row.nameCy, en: row.nameEn },
      kind: row.kind as Collaborative['kind'],
      structure: row.structure as Collaborative['structure'],
      memberSchoolIds,
      convenorId: convenor?.id ?? '',
      laFacilitatorIds,
      ...(row.sectorFocus ? { sectorFocus: row.sectorFocus as NonNullable<Collaborative['sectorFocus']> } : {}),
      ...(row.partnershipId ? { partnershipId: row.partnershipId } : {}),
      synthetic: row.synthetic,
    };
  }
}
