/**
 * The School Development Plan (CYCLE.md E1-E9): create a plan, start next year's from this
 * one, the governing body's approval and the published summary, both agreed into the school's
 * record, and carrying a self-evaluation finding into the plan with a link back.
 *   POST /api/plans                     {schoolId, academicYear, title?}
 *   POST /api/plans/:id/next-year       {title?}
 *   POST /api/plans/:id/approve         {meetingDate}
 *   POST /api/plans/:id/publish
 *   POST /api/plans/:id/carry           {selfEvaluationId, findingId}
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { displayText } from '@cydweithio/model/domain/displayText';
import { DevelopmentPlanState } from '@cydweithio/model/domain/plan';
import { planSubject, summarySubject } from '@cydweithio/model/domain/recordSubjects';
import { academicYearLabel } from '@cydweithio/model/rules/schoolCalendar';
import {
  buildSummary, developmentPlan, developmentPlanToJson, nextYearPlan, restoreDevelopmentPlan, selfEvaluationFindings,
} from '@cydweithio/model/docs/index';
import type { AccessServices } from '../access/services';
import { decide, documentResource, loadActor } from '../access/policy';
import { createSchoolDocument } from '../cycle/create-document';
import { approvedPlan, schoolOwnerKey } from '../cycle/school-cycle';
import type { RecordValue } from '../records/record-doc';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const createBody = z.object({ schoolId: z.string().regex(/^\d{7}$/), academicYear: z.number().int().min(2000).max(2100), title: displayText(200).optional() });
const nextYearBody = z.object({ title: displayText(200).optional() });
const approveBody = z.object({ meetingDate: IsoDate });
const carryBody = z.object({ selfEvaluationId: z.string().min(1).max(100), findingId: z.string().min(1).max(64) });

export const jsonBodyLimit = bodyLimit({ maxSize: 64 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });

const defaultTitle = (year: number) => `Cynllun datblygu ysgol ${academicYearLabel(year)} / School development plan ${academicYearLabel(year)}`;
const today = (services: AccessServices) => new Date(services.clock()).toISOString().slice(0, 10);

function records(services: AccessServices) {
  if (!services.records || !services.sync?.getDoc) throw new ProblemError('server.unavailable', { detail: 'Plans need the sync core and the record layer.' });
  return { records: services.records, getDoc: services.sync.getDoc };
}

export function planRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, cycle, audit } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  /** E1: a plan for a school and year, by those who may write and publish it (P35: its leaders). */
  const create = async (personId: string, schoolId: string, academicYear: number, title: string, previousPlanId: string) => {
    const school = await directory.school(schoolId);
    if (!school) throw new ProblemError('directory.not-found', { detail: `No school ${schoolId}.` });
    const actor = await loadActor(directory, personId);
    const decision = decide(actor, 'agree', { kind: 'development-plan', schoolId, schoolLaCode: school.laCode });
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    if ((await cycle.plansOf([schoolId])).some((p) => p.academicYear === academicYear)) {
      throw new ProblemError('plan.exists', { detail: `${schoolId} already has a plan for ${academicYearLabel(academicYear)}.` });
    }
    records(services);
    return createSchoolDocument(services, 'development-plan', schoolId, personId, { title, plan: { schoolId, academicYear, previousPlanId } },
      (docId) => cycle.addPlan({ docId, schoolId, academicYear, previousPlanId }));
  };

  app.post('/', async (c) => {
    const personId = requireSignIn(c);
    const body = await readJson(c, createBody);
    const { id } = await create(personId, body.schoolId, body.academicYear, body.title ?? defaultTitle(body.academicYear), '');
    return c.json({ id, kind: 'development-plan', academicYear: body.academicYear }, 201);
  });

  app.post('/:id/next-year', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'agree');
    const body = await readJson(c, nextYearBody);
    const plan = await cycle.plan(doc.record.id);
    if (!plan) throw new ProblemError('document.not-found');
    const previous = developmentPlanToJson(await records(services).getDoc(doc.record.id));
    const year = plan.academicYear + 1;
    const title = body.title ?? defaultTitle(year);
    const created = await create(actor.personId, plan.schoolId, year, title, plan.docId);
    restoreDevelopmentPlan(created.doc, nextYearPlan(previous, plan.docId, title));
    return c.json({ id: created.id, kind: 'development-plan', academicYear: year, carried: created.doc.getArray('priorities').length }, 201);
  });

  app.post('/:id/approve', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'approve');
    const { meetingDate } = await readJson(c, approveBody);
    if (meetingDate > today(services)) throw new ProblemError('request.invalid', { errors: [{ path: 'meetingDate', message: 'The meeting has to have taken place.' }] });
    const plan = await cycle.plan(doc.record.id);
    if (!plan) throw new ProblemError('document.not-found');
    const { records: recordLayer, getDoc } = records(services);
    const state = DevelopmentPlanState.parse(developmentPlanToJson(await getDoc(doc.record.id)));
    const person = await directory.person(actor.personId);
    const approval = {
      planDocId: plan.docId, academicYear: plan.academicYear, meetingDate,
      recordedBy: actor.personId, recordedByName: person?.name ?? actor.personId, recordedAt: new Date(services.clock()).toISOString(),
    };
    const version = await recordLayer.agree(schoolOwnerKey(plan.schoolId), planSubject(plan.academicYear), { approval, plan: state } as unknown as RecordValue, {
      by: actor.personId, label: `Governing body approval, meeting ${meetingDate}`, at: Math.floor(services.clock() / 1000),
    });
    await audit.record({ actorPersonId: actor.personId, action: 'approved', documentId: plan.docId, detail: { ownerKey: schoolOwnerKey(plan.schoolId), hash: version.hash, meetingDate } });
    return c.json({ ownerKey: schoolOwnerKey(plan.schoolId), version, approval }, 201);
  });

  app.post('/:id/publish', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'agree');
    const plan = await cycle.plan(doc.record.id);
    if (!plan) throw new ProblemError('document.not-found');
    const { records: recordLayer } = records(services);
    // E6: the summary comes from the plan as approved, never from the live draft.
    const approved = await approvedPlan(recordLayer, plan.schoolId, plan.academicYear);
    if (!approved || approved.approval.planDocId !== plan.docId) throw new ProblemError('plan.not-approved');
    const school = await directory.school(plan.schoolId);
    if (!school) throw new ProblemError('directory.not-found');
    const summary = buildSummary(approved, school.name, new Date(services.clock()).toISOString());
    const version = await recordLayer.agree(schoolOwnerKey(plan.schoolId), summarySubject(plan.academicYear), summary as unknown as RecordValue, {
      by: actor.personId, label: `Published summary ${academicYearLabel(plan.academicYear)}`, at: Math.floor(services.clock() / 1000),
    });
    await audit.record({ actorPersonId: actor.personId, action: 'published', documentId: plan.docId, detail: { ownerKey: schoolOwnerKey(plan.schoolId), hash: version.hash } });
    return c.json({ ownerKey: schoolOwnerKey(plan.schoolId), version, address: `/summary/${plan.schoolId}` }, 201);
  });

  app.post('/:id/carry', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'edit');
    const body = await readJson(c, carryBody);
    const source = await documentResource(directory, services.registry, body.selfEvaluationId);
    if (!source || source.doc.record.kind !== 'self-evaluation' || source.doc.record.owner.type !== 'school' || doc.record.owner.type !== 'school'
      || source.doc.record.owner.schoolId !== doc.record.owner.schoolId) {
      throw new ProblemError('document.not-found', { detail: 'No self-evaluation of this school with that id.' });
    }
    // Carrying writes into the self-evaluation too (its link back): both edits need their door.
    const edit = decide(actor, 'edit', source.resource);
    if (!edit.allow) throw new ProblemError('document.forbidden', { detail: edit.reason });
    const { getDoc } = records(services);
    const seDoc = await getDoc(body.selfEvaluationId);
    const finding = selfEvaluationFindings(seDoc).list().find((f) => f.id === body.findingId);
    if (!finding) throw new ProblemError('document.not-found', { detail: 'No such finding.' });
    const planDoc = await getDoc(doc.record.id);
    const plan = developmentPlan(planDoc);
    const link = { fromDocId: body.selfEvaluationId, fromFindingId: finding.id };
    const itemId = `from-${finding.id}`.slice(0, 64);
    planDoc.transact(() => {
      if (finding.type === 'emerging-priority') {
        if (!plan.priorities().some((p) => p.id === itemId)) plan.addPriority({ id: itemId, area: finding.area, title: finding.text.toString(), ...link });
      } else if (!plan.roots.findings.toArray().some((m) => m.get('id') === itemId)) {
        plan.addFinding({ id: itemId, type: finding.type, area: finding.area, text: finding.text.toString(), ...link });
      }
    });
    selfEvaluationFindings(seDoc).markCarried(finding.id, doc.record.id);
    return c.json({ planId: doc.record.id, itemId, type: finding.type }, 201);
  });

  return app;
}
