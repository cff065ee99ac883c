import type { Collaborative, CollaborativeKind } from '../domain/collaborative';
import type { LaCode } from '../domain/localAuthority';
import type { School } from '../domain/school';

export interface CoverageGap {
  schoolId: string;
  /** The kinds of collaborative the school is not yet in. */
  missing: CollaborativeKind[];
}

/**
 * M7: the schools of one LA not yet in at least one vertical and one horizontal collaborative.
 * Ordered by school number only: this is a to-do list for the LA, never a ranking of schools.
 */
export function coverage(laCode: LaCode, schools: readonly School[], collaboratives: readonly Collaborative[]): CoverageGap[] {
  const inKind: Record<CollaborativeKind, Set<string>> = { vertical: new Set(), horizontal: new Set() };
  for (const c of collaboratives) for (const id of c.memberSchoolIds) inKind[c.kind].add(id);
  const gaps: CoverageGap[] = [];
  for (const school of schools) {
    if (school.laCode !== laCode) continue;
    const missing = (['vertical', 'horizontal'] as const).filter((kind) => !inKind[kind].has(school.id));
    if (missing.length > 0) gaps.push({ schoolId: school.id, missing });
  }
  return gaps.sort((a, b) => a.schoolId.localeCompare(b.schoolId));
}
