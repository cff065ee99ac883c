/**
 * The audit log: who opened, shared, exported or erased which document, and who invited,
 * joined, imported or removed. Detail holds small facts only (a format, a role, a count),
 * never document text, so the log itself can be shown to owners and LA officers.
 */
import { and, asc, desc, eq, inArray, isNull, like } from 'drizzle-orm';
import { auditLog } from '../db/schema/directory';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';

export type AuditAction = (typeof auditLog.action.enumValues)[number];
export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditEntry {
  id: number;
  at: string;
  actorPersonId: string | null;
  action: AuditAction;
  documentId: string | null;
  detail: AuditDetail | null;
}

export class AuditLog {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  async record(entry: { actorPersonId: string | null; action: AuditAction; documentId?: string; detail?: AuditDetail }): Promise<void> {
    await this.sql.run((db) => db.insert(auditLog).values({
      at: new Date(this.clock()),
      actorPersonId: entry.actorPersonId,
      action: entry.action,
      documentId: entry.documentId ?? null,
      detail: entry.detail ?? null,
    }));
  }

  async forDocument(documentId: string): Promise<AuditEntry[]> {
    const rows = await this.sql.all((db) => db.select().from(auditLog).where(eq(auditLog.documentId, documentId)).orderBy(asc(auditLog.id)));
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /**
   * A collaborative's convenors named and taken off (G45), newest first: the `granted` and
   * `revoked` entries of the convenor role with its id in their detail, whichever route wrote
   * them (the convenors' panel, an LA officer's edit, an accepted invitation, a lapse). Matched on
   * the detail's text, then checked exactly.
   */
  async convenorTrail(collaborativeId: string, limit = 50): Promise<AuditEntry[]> {
    const rows = await this.sql.all((db) => db.select().from(auditLog)
      .where(and(isNull(auditLog.documentId), inArray(auditLog.action, ['granted', 'revoked']), like(auditLog.detail, '%"role":"convenor"%'),
        like(auditLog.detail, `%"collaborativeId":${JSON.stringify(collaborativeId).replace(/[%]/g, '')}%`)))
      .orderBy(desc(auditLog.id)).limit(limit));
    return rows.filter((row) => row.detail?.['role'] === 'convenor' && row.detail['collaborativeId'] === collaborativeId)
      .map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /**
   * The LA's own roles given and taken away (P113), newest first: entries the LA roles routes
   * write with `scope: 'la'` and the LA's code in their detail. Detail is JSON kept as text on
   * both databases, so the match is on its text.
   */
  async laRoleTrail(laCode: number, limit = 50): Promise<AuditEntry[]> {
    const rows = await this.sql.all((db) => db.select().from(auditLog)
      .where(and(isNull(auditLog.documentId), inArray(auditLog.action, ['granted', 'revoked']), like(auditLog.detail, `%"scope":"la","laCode":${laCode}}%`)))
      .orderBy(desc(auditLog.id)).limit(limit));
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
