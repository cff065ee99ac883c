/**
 * Role assignments are stored as (role, scope type, scope id) rows; the model speaks of
 * { role, schoolId } | { role: 'convenor', collaborativeId } | { role, laCode }. These two
 * functions are the only translation between them.
 */
import { RoleAssignment } from '@cydweithio/model/domain/person';

export interface RoleRow {
  role: string;
  scopeType: 'school' | 'collaborative' | 'la';
  scopeId: string;
}

/** The model's assignment for a row, or null for a row the model does not recognise. */
export function toRoleAssignment(row: RoleRow): RoleAssignment | null {
  const candidate = row.scopeType === 'school' ? { role: row.role, schoolId: row.scopeId }
    : row.scopeType === 'collaborative' ? { role: row.role, collaborativeId: row.scopeId }
      : { role: row.role, laCode: Number(row.scopeId) };
  const parsed = RoleAssignment.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

export function toRoleRow(assignment: RoleAssignment): RoleRow {
  if ('schoolId' in assignment) return { role: assignment.role, scopeType: 'school', scopeId: assignment.schoolId };
  if ('collaborativeId' in assignment) return { role: assignment.role, scopeType: 'collaborative', scopeId: assignment.collaborativeId };
  return { role: assignment.role, scopeType: 'la', scopeId: String(assignment.laCode) };
}
