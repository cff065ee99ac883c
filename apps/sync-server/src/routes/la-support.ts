/**
 * Support against the priority it serves (OVERVIEW.md O13-O15):
 *   GET   /api/la/:la/ledger                         per school: support by source, days, level, minimum
 *   POST  /api/la/brokered                           a brokered match recorded as support (agreed into the school's record)
 *   PATCH /api/la/brokered/:schoolId/:id             days used and the impact, as a new version
 * Policy P80 (brokered support), P81 (the ledger: LA roles only, so the minimum-days flag stays on LA-only screens).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { supportSources } from '@cydweithio/model/domain/improvement';
import { BrokeredSupport, brokeredSubject } from '@cydweithio/model/domain/laPicture';
import { SchoolId } from '@cydweithio/model/domain/school';
import { academicYearOf } from '@cydweithio/model/rules/schoolCalendar';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { newId } from '../auth/tokens';
import { laCodeParam, requireLa } from '../overview/la-access';
import type { LaPicture } from '../overview/la-picture';
import type { RecordValue } from '../records/record-doc';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const Days = z.number().nonnegative().max(365);
const brokerBody = z.object({
  schoolId: SchoolId,
  priorityId: z.string().min(1).max(64),
  source: z.enum(supportSources),
  providerSchoolId: z.union([SchoolId, z.literal('')]).default(''),
  provider: z.string().trim().min(1).max(300),
  description: z.string().trim().min(1).max(2_000),
  daysPlanned: Days,
  matchedFrom: z.string().max(160).default(''),
});
const progressBody = z.object({ daysUsed: Days, impact: z.string().max(4_000), daysPlanned: Days.optional() });

export function laSupportRoutes(services: AccessServices, picture: LaPicture): Hono<AccessEnv> {
  const { directory, audit } = services;
  const records = () => {
    if (!services.records) throw new ProblemError('server.unavailable');
    return services.records;
  };
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  app.get('/:la/ledger', async (c) => {
    const laCode = laCodeParam(c.req.param('la'));
    requireLa(await loadActor(directory, requireSignIn(c)), 'read', { kind: 'support-ledger', laCode });
    return c.json(await picture.ledger(laCode));
  });

  const schoolFor = async (schoolId: string) => {
    const school = await directory.school(schoolId);
    if (!school) throw new ProblemError('directory.not-found', { detail: `No school ${schoolId}.` });
    return school;
  };

  const agree = async (personId: string, state: BrokeredSupport, label: string) => {
    const ownerKey = `school:${state.schoolId}`;
    const version = await records().agree(ownerKey, brokeredSubject(state.id), state as unknown as RecordValue, { by: personId, label, at: Math.floor(services.clock() / 1000) });
    await audit.record({ actorPersonId: personId, action: 'agreed', detail: { what: 'brokered-support', ownerKey, subject: brokeredSubject(state.id), hash: version.hash } });
    return { ownerKey, version, support: state };
  };

  app.post('/brokered', async (c) => {
    const personId = requireSignIn(c);
    const body = await readJson(c, brokerBody);
    const school = await schoolFor(body.schoolId);
    requireLa(await loadActor(directory, personId), 'agree', { kind: 'brokered-support', schoolId: school.id, schoolLaCode: school.laCode });
    // O14: support is recorded against a priority the school's governors approved, never a draft one.
    const today = picture.today();
    const digest = (await picture.digests.schools([school.id], academicYearOf(today), today)).get(school.id);
    const priority = digest?.priorities.find((p) => p.itemId === body.priorityId);
    if (!priority) throw new ProblemError('support.priority-not-agreed');
    if (body.providerSchoolId === school.id) throw new ProblemError('request.invalid', { errors: [{ path: 'providerSchoolId', message: 'A school does not broker support from itself.' }] });
    if (body.providerSchoolId && !(await directory.school(body.providerSchoolId))) throw new ProblemError('directory.not-found', { detail: `No school ${body.providerSchoolId}.` });
    const person = await directory.person(personId);
    const state = BrokeredSupport.parse({
      ...body, id: newId('support').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64), area: priority.area, daysUsed: 0, impact: '',
      recordedBy: personId, recordedByName: person?.name ?? personId,
    });
    return c.json(await agree(personId, state, `Support brokered: ${state.provider}`), 201);
  });

  app.patch('/brokered/:schoolId/:id', async (c) => {
    const personId = requireSignIn(c);
    const school = await schoolFor(c.req.param('schoolId'));
    requireLa(await loadActor(directory, personId), 'agree', { kind: 'brokered-support', schoolId: school.id, schoolLaCode: school.laCode });
    const body = await readJson(c, progressBody);
    const { subjects } = await records().current(`school:${school.id}`);
    const existing = BrokeredSupport.safeParse(subjects[brokeredSubject(c.req.param('id'))]);
    if (!existing.success) throw new ProblemError('support.not-found');
    const state = BrokeredSupport.parse({ ...existing.data, daysUsed: body.daysUsed, impact: body.impact, ...(body.daysPlanned === undefined ? {} : { daysPlanned: body.daysPlanned }) });
    return c.json(await agree(personId, state, `Support updated: ${state.daysUsed} of ${state.daysPlanned} days used`));
  });

  return app;
}
