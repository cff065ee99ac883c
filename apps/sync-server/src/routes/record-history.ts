/**
 * Version history for every record, subject by subject (RECORDS.md K11-K15):
 *   GET  /api/records/:ownerKey/subjects/:subject?at=          one subject as it stood at a version
 *   GET  /api/records/:ownerKey/subjects/:subject/compare?from=&to=   both states, for a side-by-side diff
 *   GET  /api/records/:ownerKey/priorities/:priorityId          one priority, review by review (one school)
 *   POST /api/records/:ownerKey/restore {subject, at, docId}    restore as a new draft into the live document
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { ApprovedPlan, ProgressReview, ProgressEvaluation } from '@cydweithio/model/domain/index';
import { parseSubject } from '@cydweithio/model/domain/recordSubjects';
import { restoreDevelopmentPlan, restoreProgressReview } from '@cydweithio/model/docs/index';
import { decideRestore } from '@cydweithio/model/policy/index';
import { periodKey } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { documentResource, loadLookup } from '../access/policy';
import { recordResourceFor } from '@cydweithio/model/policy/index';
import type { AccessEnv } from './access-env';
import { readJson, readQuery } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';
import { knownVersion, recordFor } from './record-access';

const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const Subject = z.string().regex(/^[a-z][a-z-]*(:[A-Za-z0-9_:.-]+)?$/).max(120);
const restoreBody = z.object({ subject: Subject, at: Hash, docId: z.string().min(1).max(100) });

function subjectParam(raw: string | undefined): string {
  const parsed = Subject.safeParse(raw ?? '');
  if (!parsed.success) throw new ProblemError('request.invalid', { errors: [{ path: 'subject', message: 'Not a record subject.' }] });
  return parsed.data;
}

export interface PriorityPoint {
  subject: string;
  term: string;
  halfTerm: 1 | 2 | null;
  status: 'on-track' | 'off-track';
  judgement: 'very-good' | 'strong' | 'satisfactory' | 'limited';
  at: number;
}

export function recordHistoryRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  app.get('/:ownerKey/subjects/:subject/compare', async (c) => {
    const subject = subjectParam(c.req.param('subject'));
    const { from, to } = readQuery(c, z.object({ from: Hash, to: Hash }));
    const record = await recordFor(services, c, 'read');
    await knownVersion(record, from);
    await knownVersion(record, to);
    const all = await record.records.versions(record.ownerKey);
    const side = async (hash: string) => ({ version: all.find((v) => v.hash === hash) ?? null, state: (await record.records.subjectAt(record.ownerKey, subject, hash)) ?? null });
    return c.json({ ownerKey: record.ownerKey, subject, from: await side(from), to: await side(to) });
  });

  app.get('/:ownerKey/subjects/:subject', async (c) => {
    const subject = subjectParam(c.req.param('subject'));
    const { at } = readQuery(c, z.object({ at: Hash.optional() }));
    const record = await recordFor(services, c, 'read');
    if (at !== undefined) await knownVersion(record, at);
    const versions = (await record.records.versions(record.ownerKey)).filter((v) => v.subject === subject);
    const hash = at ?? versions.at(-1)?.hash;
    const state = hash === undefined ? null : (await record.records.subjectAt(record.ownerKey, subject, hash)) ?? null;
    return c.json({ ownerKey: record.ownerKey, subject, at: hash ?? null, state, versions });
  });

  app.get('/:ownerKey/priorities/:priorityId', async (c) => {
    const priorityId = c.req.param('priorityId');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(priorityId)) throw new ProblemError('request.invalid', { errors: [{ path: 'priorityId', message: 'Not a priority id.' }] });
    const record = await recordFor(services, c, 'read');
    // K13: one school's own history only: never across schools.
    if (record.owner.type !== 'school') throw new ProblemError('request.invalid', { errors: [{ path: 'ownerKey', message: 'A priority chart is one school’s.' }] });
    const history = await record.records.subjectHistory(record.ownerKey, (s) => s.startsWith('review:') || s.startsWith('termly:'));
    // The newest agreement of each period wins (a correction, or the second half term of K8).
    const byPeriod = new Map<string, PriorityPoint>();
    for (const { version, state } of history) {
      const review = ProgressReview.safeParse(state);
      if (review.success) {
        const p = review.data.priorities.find((x) => x.priorityId === priorityId);
        if (p) byPeriod.set(periodKey(review.data), { subject: version.subject, term: review.data.term, halfTerm: review.data.halfTerm, status: p.status, judgement: p.judgement, at: version.at });
        continue;
      }
      const termly = ProgressEvaluation.safeParse(state);
      if (termly.success && termly.data.priorityId === priorityId) {
        const half = termly.data.halfTerm ?? null;
        byPeriod.set(periodKey({ term: termly.data.term, halfTerm: half }), { subject: version.subject, term: termly.data.term, halfTerm: half, status: termly.data.status, judgement: termly.data.judgement, at: version.at });
      }
    }
    const points = [...byPeriod.entries()].sort(([a], [b]) => termOrder(a) - termOrder(b)).map(([, p]) => p);
    return c.json({ ownerKey: record.ownerKey, priorityId, points });
  });

  app.post('/:ownerKey/restore', async (c) => {
    const { subject, at, docId } = await readJson(c, restoreBody);
    const record = await recordFor(services, c, 'read');
    await knownVersion(record, at);
    const target = await documentResource(services.directory, services.registry, docId);
    if (!target) throw new ProblemError('document.not-found');
    const owner = target.doc.record.owner;
    if (owner.type !== record.owner.type || (owner.type === 'school' && record.owner.type === 'school' && owner.schoolId !== record.owner.schoolId)) {
      throw new ProblemError('record.not-restorable', { detail: 'The document belongs to another owner.' });
    }
    const resource = recordResourceFor(record.owner, await loadLookup(services.directory, record.owner.type === 'school' ? { schoolIds: [record.owner.schoolId] } : { collaborativeIds: [record.owner.collaborativeId] }));
    if (!resource) throw new ProblemError('record.not-found');
    const decision = decideRestore(record.actor, resource, target.resource);
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    const state = await record.records.subjectAt(record.ownerKey, subject, at);
    if (!services.sync?.getDoc) throw new ProblemError('server.unavailable');
    const kind = parseSubject(subject).type;
    const doc = await services.sync.getDoc(docId);
    // K14: a plan's approval restores into a plan, a confirmed review into a review; nothing else.
    if (kind === 'plan' && target.doc.record.kind === 'development-plan') {
      const approved = ApprovedPlan.safeParse(state);
      if (!approved.success) throw new ProblemError('record.not-restorable');
      restoreDevelopmentPlan(doc, approved.data.plan);
    } else if (kind === 'review' && target.doc.record.kind === 'progress-review') {
      const review = ProgressReview.safeParse(state);
      if (!review.success) throw new ProblemError('record.not-restorable');
      const { confirmations: _confirmations, ...recordable } = review.data;
      restoreProgressReview(doc, recordable);
    } else {
      throw new ProblemError('record.not-restorable', { detail: `${subject} does not restore into a ${target.doc.record.kind}.` });
    }
    await services.audit.record({ actorPersonId: record.actor.personId, action: 'restored', documentId: docId, detail: { ownerKey: record.ownerKey, subject, hash: at } });
    return c.json({ docId, subject, at });
  });

  return app;
}

const seasons: Record<string, number> = { autumn: 0, spring: 1, summer: 2 };
/** Orders `2026-autumn-h1` keys by academic sequence: autumn 2026 before spring 2027. */
function termOrder(key: string): number {
  const [year, season, half] = key.split('-');
  const s = seasons[season ?? ''] ?? 0;
  const academic = Number(year) - (s === 0 ? 0 : 1);
  return academic * 10 + s * 3 + (half === 'h2' ? 2 : half === 'h1' ? 1 : 0);
}
