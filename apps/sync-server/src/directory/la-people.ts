/**
 * The people who work in one LA (P117): on the staff or governing body of one of its schools, or
 * holding one of its own roles. The LA roles screen finds a person among them by name or by
 * their exact email address; the grant asks which LAs a person works in. `%` and `_` are
 * dropped from a query, so it never acts as a pattern.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import { people, roleAssignments, schools } from '../db/schema/directory';
import type { Sql } from '../db/sql';

export interface LaPerson {
  id: string;
  name: string;
  email: string;
  /** Where they work in the LA: a role at a school of it, or one of its own roles. */
  places: { role: string; schoolId: string | null; schoolName: { cy: string; en: string } | null }[];
}

const inLa = (laCode: number) => or(
  and(eq(roleAssignments.scopeType, 'school'), eq(schools.laCode, laCode)),
  and(eq(roleAssignments.scopeType, 'la'), eq(roleAssignments.scopeId, String(laCode))),
);

/** At most `limit` people, by name. */
export async function findPeopleInLa(sql: Sql, laCode: number, query: string, limit = 20): Promise<LaPerson[]> {
  const plain = query.replace(/[%_]/g, '').trim();
  const rows = await sql.all((db) => db.select({
    id: people.id, name: people.name, email: people.email, role: roleAssignments.role, scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId,
    nameCy: schools.nameCy, nameEn: schools.nameEn,
  })
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .leftJoin(schools, and(eq(roleAssignments.scopeType, 'school'), eq(schools.id, roleAssignments.scopeId)))
    .where(and(inLa(laCode), or(like(people.name, `%${plain}%`), eq(people.email, plain.toLowerCase()))))
    .orderBy(people.name, people.id)
    .limit(limit * 4));
  const found = new Map<string, LaPerson>();
  for (const row of rows) {
    const person = found.get(row.id) ?? { id: row.id, name: row.name, email: row.email, places: [] };
    const schoolName = row.nameCy !== null && row.nameEn !== null ? { cy: row.nameCy, en: row.nameEn } : null;
    person.places.push({ role: row.role, schoolId: row.scopeType === 'school' ? row.scopeId : null, schoolName });
    found.set(row.id, person);
  }
  return [...found.values()].slice(0, limit);
}

/** The LAs a person works in, through their schools and their LA roles. */
export async function laCodesOfPerson(sql: Sql, personId: string): Promise<number[]> {
  const rows = await sql.all((db) => db.select({ scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId, laCode: schools.laCode })
    .from(roleAssignments)
    .leftJoin(schools, and(eq(roleAssignments.scopeType, 'school'), eq(schools.id, roleAssignments.scopeId)))
    .where(and(eq(roleAssignments.personId, personId), inArray(roleAssignments.scopeType, ['school', 'la']))));
  return [...new Set(rows.flatMap((r) => (r.scopeType === 'la' ? [Number(r.scopeId)] : r.laCode === null ? [] : [r.laCode])))];
}
