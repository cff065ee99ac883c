/**
 * Finding people for a peer-review team in the all-Wales directory (G11): school staff by their
 * name or their school's name (either language) or school number, and LA facilitators by name,
 * in any LA. Names and schools only: never an email address, never learner data.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import { people, roleAssignments, schools } from '../db/schema/directory';
import type { Sql } from '../db/sql';

export interface FoundPerson {
  personId: string;
  name: string;
  role: string;
  schoolId: string | null;
  schoolName: { cy: string; en: string } | null;
  laCode: number | null;
}

const SEARCHED_ROLES = ['headteacher', 'senior-leader', 'practitioner', 'la-facilitator'];

/** At most `limit` matches; `%` and `_` are dropped from the query, so it never acts as a pattern. */
export async function searchPeople(sql: Sql, query: string, limit = 20): Promise<FoundPerson[]> {
  const pattern = `%${query.replace(/[%_]/g, '')}%`;
  const rows = await sql.all((db) => db.select({
    personId: people.id, name: people.name, role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId,
    nameCy: schools.nameCy, nameEn: schools.nameEn, laCode: schools.laCode,
  })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(schools, and(eq(roleAssignments.scopeType, 'school'), eq(schools.id, roleAssignments.scopeId)))
    .where(and(
      inArray(roleAssignments.role, SEARCHED_ROLES),
      or(like(people.name, pattern), like(schools.nameCy, pattern), like(schools.nameEn, pattern), eq(roleAssignments.scopeId, query)),
    ))
    .orderBy(people.name)
    .limit(limit));
  return rows.map((r) => ({
    personId: r.personId,
    name: r.name,
    role: r.role,
    schoolId: r.scopeType === 'school' ? r.scopeId : null,
    schoolName: r.nameCy !== null && r.nameEn !== null ? { cy: r.nameCy, en: r.nameEn } : null,
    laCode: r.scopeType === 'la' ? Number(r.scopeId) : r.laCode,
  }));
}
