/**
 * The facilitator's caseload and each school's cycle at a glance (CYCLE.md E16-E20):
 *   GET  /api/caseload?facilitatorId=           the schools, support level, what is due or overdue
 *   GET  /api/schools/:schoolId/cycle            plans, summaries, reviews, support level, schedule
 *   POST /api/schools/:schoolId/support-level    {level, reason, from}: a recorded decision
 * Everything comes from the record (what was agreed) and the cycle's own rows; drafts are only
 * listed as documents the reader may open.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { parseSubject, SUPPORT_LEVEL_SUBJECT } from '@cydweithio/model/domain/recordSubjects';
import { SupportLevelDecision } from '@cydweithio/model/domain/review';
import type { School } from '@cydweithio/model/domain/school';
import { academicYearOf, periodKey, reviewSchedule } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { decide, loadActor, type Actor } from '../access/policy';
import { confirmedPeriods, latestSummary, schoolOwnerKey, supportLevels } from '../cycle/school-cycle';
import type { RecordValue } from '../records/record-doc';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readQuery } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const caseloadQuery = z.object({ facilitatorId: z.string().min(1).max(64).optional() });
const levelBody = z.object({
  level: z.enum(['core', 'enhanced']), reason: z.string().trim().min(1).max(2000), from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  // E22: decided from a review's screen; the decision names the review it was decided at.
  reviewDocId: z.string().min(1).max(200).optional(),
});

export function caseloadRoutes(services: AccessServices): { caseload: Hono<AccessEnv>; schools: Hono<AccessEnv> } {
  const { directory, cycle, audit } = services;
  const today = () => new Date(services.clock()).toISOString().slice(0, 10);
  const recordLayer = () => {
    if (!services.records) throw new ProblemError('server.unavailable');
    return services.records;
  };

  /** E22: whether this reader may record a move between core and enhanced support (P40). */
  const mayChangeLevel = async (actor: Actor, school: School): Promise<boolean> => {
    const partnerIds = (await directory.partnersOf([school.id])).get(school.id) ?? [];
    return decide(actor, 'agree', { kind: 'support-level', schoolId: school.id, schoolLaCode: school.laCode, partnerIds }).allow;
  };

  /** One school's cycle as its record and rows tell it (E17). */
  const cycleOf = async (school: School, actor: Actor) => {
    const records = recordLayer();
    const { subjects } = await records.current(schoolOwnerKey(school.id));
    const levels = await supportLevels(records, school.id);
    const now = today();
    const year = academicYearOf(now);
    const schedule = reviewSchedule(year, now, levels.levelOn, confirmedPeriods(subjects));
    const [plans, reviews] = await Promise.all([cycle.plansOf([school.id]), cycle.reviewsOf([school.id])]);
    const live = new Set((await Promise.all([...plans, ...reviews].map(async (r) => ((await services.registry.get(r.docId)) ? r.docId : null)))).filter((x) => x !== null));
    const approvals = new Map(Object.keys(subjects).flatMap((s) => { const p = parseSubject(s); return p.type === 'plan' ? [[p.academicYear, subjects[s]] as const] : []; }));
    const published = new Set(Object.keys(subjects).flatMap((s) => { const p = parseSubject(s); return p.type === 'summary' ? [p.academicYear] : []; }));
    const summary = latestSummary(subjects);
    return {
      school: { id: school.id, name: school.name, setting: school.setting, laCode: school.laCode },
      academicYear: year,
      supportLevel: levels.levelOn(now),
      decisions: levels.decisions,
      mayChangeLevel: await mayChangeLevel(actor, school),
      plans: plans.filter((p) => live.has(p.docId)).map((p) => {
        const approval = (approvals.get(p.academicYear) as { approval?: { planDocId: string; meetingDate: string; recordedByName: string } } | undefined)?.approval;
        return {
          docId: p.docId, academicYear: p.academicYear, previousPlanId: p.previousPlanId,
          approved: approval && approval.planDocId === p.docId ? { meetingDate: approval.meetingDate, by: approval.recordedByName } : null,
          published: published.has(p.academicYear) && approval?.planDocId === p.docId,
        };
      }),
      summary: summary ? { academicYear: summary.academicYear, publishedAt: summary.publishedAt, address: `/summary/${school.id}` } : null,
      reviews: reviews.filter((r) => live.has(r.docId)).map((r) => ({
        docId: r.docId, term: r.term, halfTerm: r.halfTerm === 0 ? null : r.halfTerm, supportLevel: r.supportLevel,
        confirmed: confirmedPeriods(subjects).has(periodKey({ term: r.term, halfTerm: r.halfTerm === 0 ? null : r.halfTerm })),
      })),
      schedule: schedule.map((p) => ({ term: p.term, halfTerm: p.halfTerm, start: p.start, end: p.end, state: p.state })),
    };
  };

  const schoolFor = async (schoolId: string): Promise<School> => {
    const school = await directory.school(schoolId);
    if (!school) throw new ProblemError('directory.not-found', { detail: `No school ${schoolId}.` });
    return school;
  };

  const requireRecordRead = (actor: Actor, school: School) => {
    const decision = decide(actor, 'read', { kind: 'record', owner: { type: 'school', schoolId: school.id, schoolLaCode: school.laCode } });
    if (!decision.allow) throw new ProblemError('record.forbidden', { detail: decision.reason });
  };

  /** E22: the review a decision was taken at must be one of this school's. */
  const reviewOf = async (school: School, docId: string) => {
    const review = (await cycle.reviewsOf([school.id])).find((r) => r.docId === docId);
    if (!review) throw new ProblemError('request.invalid', { errors: [{ path: 'reviewDocId', message: `No review ${docId} of school ${school.id}.` }] });
    return { docId, term: review.term, halfTerm: review.halfTerm === 0 ? null : (review.halfTerm as 1 | 2) };
  };

  const caseload = new Hono<AccessEnv>();
  caseload.get('/', async (c) => {
    const personId = requireSignIn(c);
    const { facilitatorId = personId } = readQuery(c, caseloadQuery);
    const actor = await loadActor(directory, personId);
    const facilitatorRoles = (await directory.roles(facilitatorId)).flatMap((r) => (r.role === 'la-facilitator' ? [r.laCode] : []));
    const laCode = facilitatorRoles[0];
    if (laCode === undefined) throw new ProblemError('directory.not-found', { detail: 'Not a facilitator.' });
    const decision = decide(actor, 'read', { kind: 'caseload', facilitatorId, laCode });
    if (!decision.allow) throw new ProblemError('cycle.forbidden', { detail: decision.reason });
    const schools = await directory.schoolsByIds(await cycle.caseload(facilitatorId));
    // Each school is still the policy's: a school the reader may not read is left out (P12).
    const readable = schools.filter((s) => decide(actor, 'read', { kind: 'record', owner: { type: 'school', schoolId: s.id, schoolLaCode: s.laCode } }).allow);
    // A to-do list in the school-number order of the caseload, never ranked by any judgement.
    const entries = await Promise.all(readable.sort((a, b) => a.id.localeCompare(b.id)).map((s) => cycleOf(s, actor)));
    return c.json({ facilitatorId, laCode, today: today(), schools: entries });
  });

  const schools = new Hono<AccessEnv>();
  schools.use('*', jsonBodyLimit);
  schools.get('/:schoolId/cycle', async (c) => {
    const personId = requireSignIn(c);
    const school = await schoolFor(c.req.param('schoolId'));
    const actor = await loadActor(directory, personId);
    requireRecordRead(actor, school);
    return c.json(await cycleOf(school, actor));
  });

  schools.post('/:schoolId/support-level', async (c) => {
    const personId = requireSignIn(c);
    const school = await schoolFor(c.req.param('schoolId'));
    const body = await readJson(c, levelBody);
    const actor = await loadActor(directory, personId);
    const partnerIds = (await directory.partnersOf([school.id])).get(school.id) ?? [];
    const decision = decide(actor, 'agree', { kind: 'support-level', schoolId: school.id, schoolLaCode: school.laCode, partnerIds });
    if (!decision.allow) throw new ProblemError('cycle.forbidden', { detail: decision.reason });
    const { reviewDocId, ...chosen } = body;
    const atReview = reviewDocId === undefined ? undefined : await reviewOf(school, reviewDocId);
    const person = await directory.person(personId);
    const state = SupportLevelDecision.parse({ ...chosen, decidedBy: personId, decidedByName: person?.name ?? personId, ...(atReview ? { atReview } : {}) });
    const at = atReview ? ` at the review of ${periodKey({ term: atReview.term, halfTerm: atReview.halfTerm })}` : '';
    const version = await recordLayer().agree(schoolOwnerKey(school.id), SUPPORT_LEVEL_SUBJECT, state as unknown as RecordValue, {
      by: personId, label: `Support level: ${state.level} from ${state.from}${at}`, at: Math.floor(services.clock() / 1000),
    });
    await audit.record({ actorPersonId: personId, action: 'agreed', detail: { ownerKey: schoolOwnerKey(school.id), subject: SUPPORT_LEVEL_SUBJECT, hash: version.hash } });
    return c.json({ ownerKey: schoolOwnerKey(school.id), version, decision: state }, 201);
  });

  return { caseload, schools };
}
