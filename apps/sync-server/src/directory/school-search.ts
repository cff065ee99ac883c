/**
 * Finding a school in the all-Wales directory (G26): by its name in either language, its
 * number (the whole number or its start) or its LA's name in either language, within the LAs
 * given. School facts only; at most `limit`, by English name then number.
 */
import { and, asc, inArray, like, or } from 'drizzle-orm';
import type { LocalAuthority } from '@cydweithio/model/domain/localAuthority';
import type { School } from '@cydweithio/model/domain/school';
import { schools } from '../db/schema/directory';
import type { Sql } from '../db/sql';
import { toSchool } from './directory-queries';

export async function searchSchools(sql: Sql, query: string, las: readonly LocalAuthority[], withinLas: readonly number[] | 'any', limit = 20): Promise<School[]> {
  const plain = query.replace(/[%_]/g, '').trim();
  if (plain.length === 0) return [];
  const pattern = `%${plain}%`;
  const lower = plain.toLowerCase();
  const laMatches = las.filter((la) => la.name.cy.toLowerCase().includes(lower) || la.name.en.toLowerCase().includes(lower)).map((la) => la.code);
  const text = or(
    like(schools.nameCy, pattern), like(schools.nameEn, pattern), like(schools.id, `${plain}%`),
    ...(laMatches.length > 0 ? [inArray(schools.laCode, laMatches)] : []),
  );
  if (withinLas !== 'any' && withinLas.length === 0) return [];
  const where = withinLas === 'any' ? text : and(text, inArray(schools.laCode, [...withinLas]));
  const rows = await sql.all((db) => db.select().from(schools).where(where).orderBy(asc(schools.nameEn), asc(schools.id)).limit(limit));
  return rows.map(toSchool);
}
