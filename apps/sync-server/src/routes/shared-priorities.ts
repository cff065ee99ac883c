/**
 * Agreeing a collaborative's shared priorities into its record (COLLABORATIVES.md G1-G7).
 *   GET  /api/documents/:id/priorities/agreed              what the record says was agreed (policy read)
 *   POST /api/documents/:id/priorities/agree               the convenor agrees priorities at a meeting (policy agree)
 *   POST /api/documents/:id/priorities/:priorityId/impact  the twice-yearly impact review (policy agree)
 * "Agreed" is only ever what these write: the workspace holds no field for it, so nobody can
 * flip it by editing. Each priority is its own subject (`priority:<id>`), one Automerge change
 * each, carrying who agreed it and when.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { readMeta, workspaceToJson } from '@cydweithio/model/docs/index';
import {
  AgreedPriority, ImpactFocus, ImpactPeriod, ImpactSeen, impactSubject, parseImpactSubject, priorityIdOfSubject, prioritySubject,
  type ImpactReview,
} from '@cydweithio/model/domain/sharedPriorities';
import type * as Y from 'yjs';
import type { RecordValue, RecordVersion } from '../records/record-doc';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { documentFor, type DocumentContext } from './document-access';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const ItemId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const agreeBody = z.object({
  meetingId: ItemId,
  // A collaborative agrees "a manageable number" of priorities: thirty is far beyond any.
  priorityIds: z.array(ItemId).min(1).max(30).refine((ids) => new Set(ids).size === ids.length, 'Each priority once.'),
});
const impactBody = z.object({ period: ImpactPeriod, focus: ImpactFocus, impact: ImpactSeen, note: z.string().trim().max(2000) });
const smallBody = bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });

export function sharedPriorityRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  /** The workspace's record and live content, after the policy allowed `action` (G2). */
  async function workspaceFor(c: Parameters<typeof documentFor>[1], action: 'read' | 'agree') {
    const found: DocumentContext = await documentFor(services, c, action);
    const doc = { record: found.doc.record, actor: found.actor };
    if (doc.record.kind !== 'workspace' || doc.record.owner.type !== 'collaborative') throw new ProblemError('document.not-agreeable');
    if (!services.sync?.getDoc || !services.records) throw new ProblemError('server.unavailable', { detail: 'Agreeing needs the sync core and the record layer.' });
    const ydoc: Y.Doc = await services.sync.getDoc(doc.record.id);
    if (readMeta(ydoc) === null) throw new ProblemError('document.empty');
    return { doc, records: services.records, ownerKey: `collaborative:${doc.record.owner.collaborativeId}`, live: workspaceToJson(ydoc) };
  }

  async function named(versions: RecordVersion[]) {
    const people = await services.directory.peopleByIds([...new Set(versions.map((v) => v.by))]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return (v: RecordVersion) => ({ ...v, byName: names.get(v.by) ?? null });
  }

  app.get('/:id/priorities/agreed', async (c) => {
    const { records, ownerKey } = await workspaceFor(c, 'read');
    const history = await records.subjectHistory(ownerKey, (s) => priorityIdOfSubject(s) !== null || parseImpactSubject(s) !== null);
    const withName = await named(history.map((h) => h.version));
    // Newest agreement of each subject wins; how many times it was agreed is shown too (G4).
    const priorities = new Map<string, { priorityId: string; state: RecordValue; version: ReturnType<typeof withName>; times: number }>();
    const impactReviews: { subject: string; state: RecordValue; version: ReturnType<typeof withName> }[] = [];
    for (const { version, state } of history) {
      const priorityId = priorityIdOfSubject(version.subject);
      if (priorityId !== null) {
        const times = (priorities.get(priorityId)?.times ?? 0) + 1;
        priorities.set(priorityId, { priorityId, state, version: withName(version), times });
      } else {
        impactReviews.push({ subject: version.subject, state, version: withName(version) });
      }
    }
    return c.json({ ownerKey, priorities: [...priorities.values()], impactReviews });
  });

  app.post('/:id/priorities/agree', smallBody, async (c) => {
    const { doc, records, ownerKey, live } = await workspaceFor(c, 'agree');
    const { meetingId, priorityIds } = await readJson(c, agreeBody);
    const meeting = live.meetings.find((m) => m.id === meetingId);
    if (!meeting) throw new ProblemError('workspace.item-not-found', { detail: `No meeting ${meetingId}.` });
    const chosen = priorityIds.map((id) => {
      const found = live.priorities.find((p) => p.id === id);
      if (!found) throw new ProblemError('workspace.item-not-found', { detail: `No priority ${id}.` });
      return found;
    });
    const at = Math.floor(services.clock() / 1000);
    const agreed = [];
    for (const p of chosen) {
      const state = AgreedPriority.parse({ priorityId: p.id, title: p.title, area: p.area, successCriteria: p.successCriteria, meetingId, meetingDate: meeting.date });
      const subject = prioritySubject(p.id);
      const version = await records.agree(ownerKey, subject, state as unknown as RecordValue, { by: doc.actor.personId, label: `Meeting ${meeting.date}`, at });
      await services.audit.record({ actorPersonId: doc.actor.personId, action: 'agreed', documentId: doc.record.id, detail: { ownerKey, subject, hash: version.hash } });
      agreed.push({ priorityId: p.id, state, version });
    }
    return c.json({ ownerKey, agreed }, 201);
  });

  app.post('/:id/priorities/:priorityId/impact', smallBody, async (c) => {
    const { doc, records, ownerKey } = await workspaceFor(c, 'agree');
    const priorityId = ItemId.safeParse(c.req.param('priorityId'));
    if (!priorityId.success) throw new ProblemError('request.invalid', { errors: [{ path: 'priorityId', message: 'Not a priority id.' }] });
    const body = await readJson(c, impactBody);
    // An impact review is of an agreed priority: the record must hold its agreement (G5).
    const current = await records.current(ownerKey);
    if (current.subjects[prioritySubject(priorityId.data)] === undefined) throw new ProblemError('priority.not-agreed');
    const review: ImpactReview = { priorityId: priorityId.data, ...body };
    const subject = impactSubject(body.period, priorityId.data);
    const version = await records.agree(ownerKey, subject, review as unknown as RecordValue, {
      by: doc.actor.personId, label: `Impact review ${body.period}`, at: Math.floor(services.clock() / 1000),
    });
    await services.audit.record({ actorPersonId: doc.actor.personId, action: 'agreed', documentId: doc.record.id, detail: { ownerKey, subject, hash: version.hash } });
    return c.json({ ownerKey, subject, review, version }, 201);
  });

  return app;
}
