/**
 * Read side of the directory: people, their roles, LAs, schools and collaboratives with their
 * members, convenor and facilitators, in the model's shapes (bilingual names, numeric LA codes).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { LaPartnership, LocalAuthority } from '@cydweithio/model/domain/localAuthority';
import type { Person, RoleAssignment } from '@cydweithio/model/domain/person';
import type { School } from '@cydweithio/model/domain/school';
import { caseloads } from '../db/schema/cycle';
import {
  collaborativeFacilitators, collaborativeMembers, collaboratives, laPartnershipMembers, laPartnerships, localAuthorities, people, roleAssignments, schools,
} from '../db/schema/directory';
import type { Sql } from '../db/sql';
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

const personColumns = { id: people.id, name: people.name, email: people.email };

export class DirectoryQueries {
  constructor(private readonly sql: Sql) {}

  /** Each school's Improvement Partners: the facilitators with it in their caseload (P36). */
  async partnersOf(schoolIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (schoolIds.length === 0) return out;
    const rows = await this.sql.all((db) => db.select().from(caseloads).where(inArray(caseloads.schoolId, [...schoolIds])));
    for (const r of rows) out.set(r.schoolId, [...(out.get(r.schoolId) ?? []), r.facilitatorId]);
    return out;
  }

  async person(id: string): Promise<Person | null> {
    return (await this.sql.one((db) => db.select(personColumns).from(people).where(eq(people.id, id)))) ?? null;
  }

  async peopleByIds(ids: readonly string[]): Promise<Person[]> {
    if (ids.length === 0) return [];
    return this.sql.all((db) => db.select(personColumns).from(people).where(inArray(people.id, [...ids])));
  }

  async personByEmail(email: string): Promise<Person | null> {
    return (await this.sql.one((db) => db.select(personColumns).from(people).where(eq(people.email, email)))) ?? null;
  }

  async roles(personId: string): Promise<RoleAssignment[]> {
    const rows = await this.sql.all((db) => db.select().from(roleAssignments).where(eq(roleAssignments.personId, personId)));
    return rows.map(toRoleAssignment).filter((r): r is RoleAssignment => r !== null);
  }

  /** People holding a given role in one scope, e.g. the headteachers of a school. */
  async holders(scopeType: 'school' | 'collaborative' | 'la', scopeId: string, role?: string): Promise<Person[]> {
    const conditions = [eq(roleAssignments.scopeType, scopeType), eq(roleAssignments.scopeId, scopeId)];
    if (role) conditions.push(eq(roleAssignments.role, role));
    return this.sql.all((db) => db.selectDistinct(personColumns)
      .from(roleAssignments).innerJoin(people, eq(people.id, roleAssignments.personId)).where(and(...conditions)));
  }

  async localAuthorities(): Promise<LocalAuthority[]> {
    const rows = await this.sql.all((db) => db.select().from(localAuthorities).orderBy(asc(localAuthorities.code)));
    return rows.map((row) => ({
      code: row.code,
      name: { cy: row.nameCy, en: row.nameEn },
      gssCode: row.gssCode,
      region: { code: row.regionCode, name: { cy: row.regionNameCy, en: row.regionNameEn } },
    }));
  }

  /** The LA partnerships with their LAs (M2, M5 read them). */
  async partnerships(): Promise<LaPartnership[]> {
    const [rows, members] = await Promise.all([
      this.sql.all((db) => db.select().from(laPartnerships).orderBy(asc(laPartnerships.id))),
      this.sql.all((db) => db.select().from(laPartnershipMembers)),
    ]);
    return rows.map((row) => ({
      id: row.id, kind: row.kind, topic: { cy: row.topicCy, en: row.topicEn },
      laCodes: members.filter((m) => m.partnershipId === row.id).map((m) => m.laCode).sort((a, b) => a - b),
      ...(row.endDate ? { endDate: row.endDate } : {}),
    }));
  }

  async hasLocalAuthority(code: number): Promise<boolean> {
    return (await this.sql.one((db) => db.select({ code: localAuthorities.code }).from(localAuthorities).where(eq(localAuthorities.code, code)))) !== undefined;
  }

  async schools(laCode?: number): Promise<School[]> {
    const rows = await this.sql.all((db) => {
      const query = db.select().from(schools);
      return (laCode === undefined ? query : query.where(eq(schools.laCode, laCode))).orderBy(asc(schools.nameEn));
    });
    return rows.map(toSchool);
  }

  async schoolsByIds(ids: readonly string[]): Promise<School[]> {
    if (ids.length === 0) return [];
    const rows = await this.sql.all((db) => db.select().from(schools).where(inArray(schools.id, [...ids])).orderBy(asc(schools.nameEn)));
    return rows.map(toSchool);
  }

  async school(id: string): Promise<School | null> {
    const row = await this.sql.one((db) => db.select().from(schools).where(eq(schools.id, id)));
    return row ? toSchool(row) : null;
  }

  /** Collaboratives any of these schools belong to. */
  async collaborativeIdsOfSchools(schoolIds: readonly string[]): Promise<string[]> {
    if (schoolIds.length === 0) return [];
    const rows = await this.sql.all((db) => db.selectDistinct({ id: collaborativeMembers.collaborativeId }).from(collaborativeMembers)
      .where(inArray(collaborativeMembers.schoolId, [...schoolIds])));
    return rows.map((row) => row.id);
  }

  async collaborativeIdsFacilitatedBy(personId: string): Promise<string[]> {
    const rows = await this.sql.all((db) => db.select({ id: collaborativeFacilitators.collaborativeId }).from(collaborativeFacilitators)
      .where(eq(collaborativeFacilitators.personId, personId)));
    return rows.map((row) => row.id);
  }

  async collaboratives(ids?: readonly string[]): Promise<Collaborative[]> {
    if (ids && ids.length === 0) return [];
    const rows = await this.sql.all((db) => {
      const base = db.select().from(collaboratives);
      return (ids ? base.where(inArray(collaboratives.id, [...ids])) : base).orderBy(asc(collaboratives.nameEn));
    });
    return this.assemble(rows);
  }

  async collaborative(id: string): Promise<Collaborative | null> {
    const row = await this.sql.one((db) => db.select().from(collaboratives).where(eq(collaboratives.id, id)));
    return row ? ((await this.assemble([row]))[0] ?? null) : null;
  }

  /**
   * A collaborative with names for its members, convenors and facilitators, for the directory
   * API: `convenor` is the first-named, `convenors` every one, joint ones after it (C306).
   */
  async describeCollaborative(collaborative: Collaborative) {
    const named = async (ids: readonly string[]) => (await this.peopleByIds(ids)).map(({ id, name }) => ({ id, name }));
    const members = await this.schoolsByIds(collaborative.memberSchoolIds);
    const held = await this.sql.all((db) => db.select().from(roleAssignments)
      .where(and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeType, 'collaborative'), eq(roleAssignments.scopeId, collaborative.id)))
      .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id)));
    const convenorIds = [...new Set([collaborative.convenorId, ...held.map((r) => r.personId)].filter((id) => id !== ''))];
    const convenors = await named(convenorIds);
    return {
      ...collaborative,
      members: members.map((s) => ({ id: s.id, name: s.name, laCode: s.laCode, setting: s.setting })),
      convenor: convenors.find((c) => c.id === collaborative.convenorId) ?? null,
      convenors: convenorIds.flatMap((id) => convenors.filter((c) => c.id === id)),
      facilitators: await named(collaborative.laFacilitatorIds),
    };
  }

  /** Collaboratives with their members, convenor and facilitators: three queries for any number of them. */
  private async assemble(rows: readonly (typeof collaboratives.$inferSelect)[]): Promise<Collaborative[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [members, convenors, facilitators] = await Promise.all([
      this.sql.all((db) => db.select().from(collaborativeMembers).where(inArray(collaborativeMembers.collaborativeId, ids))),
      this.sql.all((db) => db.select().from(roleAssignments)
        .where(and(eq(roleAssignments.role, 'convenor'), eq(roleAssignments.scopeType, 'collaborative'), inArray(roleAssignments.scopeId, ids)))
        .orderBy(asc(roleAssignments.createdAt), asc(roleAssignments.id))),
      this.sql.all((db) => db.select().from(collaborativeFacilitators).where(inArray(collaborativeFacilitators.collaborativeId, ids))),
    ]);
    const group = <T>(items: readonly T[], key: (item: T) => string, value: (item: T) => string) => {
      const out = new Map<string, string[]>();
      for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), value(item)]);
      return out;
    };
    const membersOf = group(members, (m) => m.collaborativeId, (m) => m.schoolId);
    const convenorsOf = group(convenors, (r) => r.scopeId, (r) => r.personId);
    const facilitatorsOf = group(facilitators, (f) => f.collaborativeId, (f) => f.personId);
    return rows.map((row) => ({
      id: row.id,
      name: { cy: row.nameCy, en: row.nameEn },
      ...(row.purposeCy && row.purposeEn ? { purpose: { cy: row.purposeCy, en: row.purposeEn } } : {}),
      kind: row.kind as Collaborative['kind'],
      structure: row.structure as Collaborative['structure'],
      memberSchoolIds: membersOf.get(row.id) ?? [],
      convenorId: convenorsOf.get(row.id)?.[0] ?? '',
      laFacilitatorIds: facilitatorsOf.get(row.id) ?? [],
      ...(row.sectorFocus ? { sectorFocus: row.sectorFocus as NonNullable<Collaborative['sectorFocus']> } : {}),
      ...(row.partnershipId ? { partnershipId: row.partnershipId } : {}),
      synthetic: row.synthetic,
    }));
  }
}
