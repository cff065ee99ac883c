/**
 * G33: a closed peer review's reviewers lose it once the host's retention date has passed (P62),
 * also on a socket that was already open then. Nothing happens at that moment by itself, so a
 * sweep looks for reviews whose date has just passed and asks the sync core to re-check their
 * sockets (A11), which closes the reviewers' with the revoked code. Each review is swept once
 * for each retention date it has.
 */
import { and, eq, isNotNull, lt } from 'drizzle-orm';
import { peerReviewLifecycle } from '../db/schema/peer-reviews';
import type { AccessServices } from './services';

/** A minute: well inside a day, and cheap (one indexed query over closed reviews). */
export const RETENTION_SWEEP_MS = 60_000;

export function createRetentionSweep(services: Pick<AccessServices, 'sql' | 'registry' | 'sync' | 'logger'>) {
  const swept = new Map<string, string>();
  async function sweep(): Promise<string[]> {
    const today = services.registry.today();
    const rows = await services.sql.all((db) => db.select({ documentId: peerReviewLifecycle.documentId, retainUntil: peerReviewLifecycle.retainUntil })
      .from(peerReviewLifecycle)
      .where(and(eq(peerReviewLifecycle.stage, 'closed'), isNotNull(peerReviewLifecycle.retainUntil), lt(peerReviewLifecycle.retainUntil, today))));
    const due = rows.filter((r) => r.retainUntil !== null && swept.get(r.documentId) !== r.retainUntil);
    if (due.length > 0) await services.sync?.recheck({ docIds: due.map((r) => r.documentId) });
    for (const r of due) swept.set(r.documentId, r.retainUntil ?? '');
    return due.map((r) => r.documentId);
  }
  /** Sweeps now and every `intervalMs`; returns the stop function. The timer never holds the process open. */
  function start(intervalMs = RETENTION_SWEEP_MS): () => void {
    const run = () => void sweep().catch((err: unknown) => services.logger.warn({ err }, 'retention sweep failed'));
    run();
    const timer = setInterval(run, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
  return { sweep, start };
}
