/**
 * The audit log: who opened, shared, exported or erased which document, and who invited,
 * joined, imported or removed. Detail holds small facts only (a format, a role, a count),
 * never document text, so the log itself can be shown to owners and LA officers.
 */
import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/directory';
import type { Clock, Db } from '../access/context';

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
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  record(entry: { actorPersonId: string | null; action: AuditAction; documentId?: string; detail?: AuditDetail }): void {
    this.db.insert(auditLog).values({
      at: new Date(this.clock()),
      actorPersonId: entry.actorPersonId,
      action: entry.action,
      documentId: entry.documentId ?? null,
      detail: entry.detail ?? null,
    }).run();
  }

  forDocument(documentId: string): AuditEntry[] {
    return this.db.select().from(auditLog).where(eq(auditLog.documentId, documentId)).orderBy(asc(auditLog.id)).all()
      .map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
