/**
 * Termly (or half-termly) progress reviews (CYCLE.md E10-E15). The school's Improvement Partner
 * starts the draft from the approved plan's priorities; the partner and the school's leaders
 * write it together; each side confirms what it says; only when both confirmations stand on the
 * same content is the review agreed into the school's record, summative part only.
 *   POST   /api/reviews                        {schoolId, term, halfTerm?}
 *   GET    /api/reviews/:id/confirmations
 *   POST   /api/reviews/:id/confirm
 *   DELETE /api/reviews/:id/confirm
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { Term } from '@cydweithio/model/domain/improvement';
import { ProgressReview } from '@cydweithio/model/domain/review';
import { reviewSubject } from '@cydweithio/model/domain/recordSubjects';
import { progressReviewToJson, recordableReview, reviewGaps } from '@cydweithio/model/docs/index';
import { contentHash } from '../cycle/review-hash';
import { confirmationSide } from '@cydweithio/model/policy/index';
import { academicYearOfTerm, periodKey } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { decide, loadActor } from '../access/policy';
import { createSchoolDocument } from '../cycle/create-document';
import { approvedPlan, schoolOwnerKey, supportLevels } from '../cycle/school-cycle';
import type { RecordValue } from '../records/record-doc';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const createBody = z.object({ schoolId: z.string().regex(/^\d{7}$/), term: Term, halfTerm: z.union([z.literal(1), z.literal(2)]).optional() });


const termTitle = (term: string, half: number) => `Adolygiad cynnydd ${term}${half ? ` (${half})` : ''} / Progress review ${term}${half ? ` (${half})` : ''}`;

export function reviewRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, cycle, audit } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  app.post('/', async (c) => {
    const personId = requireSignIn(c);
    const { schoolId, term, halfTerm } = await readJson(c, createBody);
    const school = await directory.school(schoolId);
    if (!school) throw new ProblemError('directory.not-found', { detail: `No school ${schoolId}.` });
    const actor = await loadActor(directory, personId);
    const partners = (await directory.partnersOf([schoolId])).get(schoolId) ?? [];
    // E10: the school's Improvement Partner starts the review (P36: it may erase the draft, so it owns it).
    const decision = decide(actor, 'erase', { kind: 'progress-review', schoolId, schoolLaCode: school.laCode, partnerIds: partners });
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    if (!services.records) throw new ProblemError('server.unavailable');
    const year = academicYearOfTerm(term);
    const plan = await approvedPlan(services.records, schoolId, year);
    if (!plan) throw new ProblemError('review.no-plan', { detail: `No approved plan for ${year}.` });
    // E11: enhanced support is reviewed half-termly, core support termly (M15).
    const level = (await supportLevels(services.records, schoolId)).levelOn(term.endsWith('autumn') ? `${term.slice(0, 4)}-09-01` : term.endsWith('spring') ? `${term.slice(0, 4)}-01-01` : `${term.slice(0, 4)}-04-01`);
    if ((level === 'enhanced') !== (halfTerm !== undefined)) {
      throw new ProblemError('request.invalid', { errors: [{ path: 'halfTerm', message: level === 'enhanced' ? 'Enhanced support is reviewed half-termly: say which half term.' : 'Core support is reviewed termly.' }] });
    }
    const key = periodKey({ term, halfTerm: halfTerm ?? null });
    const existing = (await cycle.reviewsOf([schoolId])).find((r) => periodKey({ term: r.term, halfTerm: r.halfTerm === 0 ? null : r.halfTerm }) === key);
    if (existing && (await services.registry.get(existing.docId))) throw new ProblemError('review.exists', { detail: existing.docId });
    const half = halfTerm ?? 0;
    const { id } = await createSchoolDocument(services, 'progress-review', schoolId, personId, {
      title: termTitle(term, half),
      review: { schoolId, planDocId: plan.approval.planDocId, term, halfTerm: half, supportLevel: level, priorities: plan.plan.priorities.map((p) => ({ id: p.id, title: p.title, area: p.area })) },
    }, (docId) => cycle.addReview({ docId, schoolId, planDocId: plan.approval.planDocId, term, halfTerm: half, supportLevel: level }));
    return c.json({ id, kind: 'progress-review', term, halfTerm: halfTerm ?? null, supportLevel: level }, 201);
  });

  /** The current content of a review and where its confirmations stand (E13). */
  const stateOf = async (docId: string) => {
    const getDoc = services.sync?.getDoc;
    if (!getDoc) throw new ProblemError('server.unavailable');
    const json = progressReviewToJson(await getDoc(docId));
    const recordable = recordableReview(json, docId);
    const hash = recordable ? contentHash(recordable) : null;
    const review = await cycle.review(docId);
    if (!review) throw new ProblemError('document.not-found');
    const confirmations = await cycle.confirmations(docId);
    const people = await directory.peopleByIds(confirmations.map((x) => x.personId));
    const named = confirmations.map((x) => ({ ...x, name: people.find((p) => p.id === x.personId)?.name ?? x.personId, current: x.contentHash === hash }));
    return { review, recordable, hash, gaps: reviewGaps(json), confirmations: named, agreed: hash !== null && review.agreedHash === hash };
  };

  const answer = (s: Awaited<ReturnType<typeof stateOf>>, extra: object = {}) => ({
    gaps: s.gaps, contentHash: s.hash, agreed: s.agreed,
    confirmations: s.confirmations.map(({ side, personId, name, confirmedAt, current }) => ({ side, personId, name, confirmedAt, current })),
    ...extra,
  });

  app.get('/:id/confirmations', async (c) => {
    const { doc } = await documentFor(services, c, 'read');
    return c.json(answer(await stateOf(doc.record.id)));
  });

  app.post('/:id/confirm', async (c) => {
    const { doc, actor, resource } = await documentFor(services, c, 'confirm');
    const side = confirmationSide(actor, resource);
    if (!side) throw new ProblemError('document.forbidden', { detail: 'progress-review.confirm-not-permitted' });
    const before = await stateOf(doc.record.id);
    if (!before.recordable || !before.hash) throw new ProblemError('review.incomplete', { detail: before.gaps.join(', ') });
    await cycle.confirm(doc.record.id, { side, personId: actor.personId, contentHash: before.hash });
    await audit.record({ actorPersonId: actor.personId, action: 'confirmed', documentId: doc.record.id, detail: { side } });
    const s = await stateOf(doc.record.id);
    const facilitator = s.confirmations.find((x) => x.side === 'facilitator' && x.current);
    const school = s.confirmations.find((x) => x.side === 'school' && x.current);
    // E14: agreed only with both confirmations on the same content, and once per content.
    if (!facilitator || !school || !s.recordable || !s.hash || s.agreed || !services.records) return c.json(answer(s, { side, version: null }));
    const state = ProgressReview.parse({
      ...s.recordable,
      confirmations: {
        facilitator: { personId: facilitator.personId, name: facilitator.name, at: facilitator.confirmedAt },
        school: { personId: school.personId, name: school.name, at: school.confirmedAt },
      },
    });
    const subject = reviewSubject(state.term, state.halfTerm);
    const ownerKey = schoolOwnerKey(s.review.schoolId);
    const version = await services.records.agree(ownerKey, subject, state as unknown as RecordValue, {
      by: actor.personId, label: `Progress review ${periodKey(state)}`, at: Math.floor(services.clock() / 1000),
    });
    await cycle.markAgreed(doc.record.id, s.hash);
    await audit.record({ actorPersonId: actor.personId, action: 'agreed', documentId: doc.record.id, detail: { ownerKey, subject, hash: version.hash } });
    return c.json(answer({ ...s, agreed: true }, { side, version, ownerKey, subject }), 201);
  });

  app.delete('/:id/confirm', async (c) => {
    const { doc, actor, resource } = await documentFor(services, c, 'confirm');
    const side = confirmationSide(actor, resource);
    if (!side) throw new ProblemError('document.forbidden', { detail: 'progress-review.confirm-not-permitted' });
    if (await cycle.withdraw(doc.record.id, side)) await audit.record({ actorPersonId: actor.personId, action: 'withdrawn', documentId: doc.record.id, detail: { side } });
    return c.json(answer(await stateOf(doc.record.id)));
  });

  return app;
}
