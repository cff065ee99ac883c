/**
 * A collaborative's convenors, named and taken off one at a time (COLLABORATIVES.md G43-G45;
 * model P138): its convenors and the officers of a member school's LA see who convenes, who named
 * each and when, and the trail of every change; they name a leader of a member school found by
 * name or school, and take a convenor off, never the last. Every change is audited, nudges the
 * convening pages (layer.ts) and re-checks the sockets it touches; a newly named convenor is told.
 *   GET    /api/collaboratives/:id/convenors              convenors, trail, whether one more may be named
 *   GET    /api/collaboratives/:id/convenors/candidates?q= member schools' leaders, by name or school
 *   POST   /api/collaboratives/:id/convenors {personId}    name one
 *   DELETE /api/collaboratives/:id/convenors/:personId     take one off
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import { decideConvenorNaming, decideSeeConvenors, MAX_CONVENORS, type ConvenorFacts, type ConvenorNaming, type Decision } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { convenorIdsOf } from '../access/convenors';
import { searchPeople } from '../directory/people-search';
import { notifyConvenorsNamed } from '../notifications/notify';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readParam, readQuery } from './middleware/validate';
import { ProblemError } from './problem';

/** G43: these bodies are bounded at 4 KB, as the membership ones (G31). */
const smallBody = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });
const PersonId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/);
const nameBody = z.object({ personId: PersonId }).strict();
const candidateQuery = z.object({ q: z.string().trim().min(2).max(80) });
const leaderRoles = ['headteacher', 'senior-leader'];

/** A refusal of the model's as the API's problem (G43). */
function refusal(decision: Decision): ProblemError {
  switch (decision.reason) {
    case 'collaborative.last-convenor':
    case 'collaborative.already-convenor':
    case 'collaborative.too-many-convenors':
    case 'collaborative.not-convenor':
      return new ProblemError(decision.reason);
    case 'collaborative.convenor-or-la-officer-only':
      return new ProblemError('collaborative.forbidden', { detail: decision.reason });
    default:
      return new ProblemError('grant.forbidden', { detail: decision.reason });
  }
}

export function collaborativeConvenorRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, roleGrants, audit, registry, sync, sql, clock } = services;
  const app = new Hono<AccessEnv>();
  // Mounted beside the other /collaboratives routes: the limit is on this router's paths only.
  app.use('/:id/convenors', smallBody);
  app.use('/:id/convenors/*', smallBody);

  async function factsOf(collaborative: Collaborative): Promise<ConvenorFacts> {
    const members = await directory.schoolsByIds(collaborative.memberSchoolIds);
    return {
      scope: { type: 'collaborative', collaborativeId: collaborative.id, memberSchoolIds: members.map((s) => s.id), memberLaCodes: [...new Set(members.map((s) => s.laCode))] },
      convenorIds: await convenorIdsOf(services, collaborative.id),
    };
  }

  /** The collaborative, the signed-in person and the facts; anyone P138 does not let see them is refused first. */
  async function allowed(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const collaborative = await directory.collaborative(c.req.param('id') ?? '');
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    const actor = await loadActor(directory, personId);
    const facts = await factsOf(collaborative);
    const seen = decideSeeConvenors(actor, facts);
    if (!seen.allow) throw refusal(seen);
    return { personId, actor, collaborative, facts };
  }

  /** A person's places as a leader of a member school: what makes them fit to convene (P17). */
  async function leaderPlaces(personIds: readonly string[], memberSchoolIds: readonly string[]) {
    const roles = await Promise.all(personIds.map(async (id) => [id, await directory.roles(id)] as const));
    const schoolIds = [...new Set(roles.flatMap(([, held]) => held.flatMap((r) => ('schoolId' in r ? [r.schoolId] : []))))];
    const schools = new Map((await directory.schoolsByIds(schoolIds)).map((s) => [s.id, s.name]));
    return new Map(roles.map(([id, held]) => [id, held.flatMap((r) => ('schoolId' in r && leaderRoles.includes(r.role) && memberSchoolIds.includes(r.schoolId)
      ? [{ role: r.role, schoolId: r.schoolId, schoolName: schools.get(r.schoolId) ?? null }] : []))]));
  }

  app.get('/:id/convenors', async (c) => {
    const { actor, collaborative, facts } = await allowed(c);
    const held = (await roleGrants.inScope('collaborative', collaborative.id)).filter((r) => r.assignment.role === 'convenor')
      .sort((a, b) => a.grantedAt.localeCompare(b.grantedAt));
    const places = await leaderPlaces(held.map((r) => r.person.id), facts.scope.memberSchoolIds);
    const trail = await audit.convenorTrail(collaborative.id);
    const named = trail.flatMap((e) => [e.actorPersonId, e.detail?.['personId']]).filter((id): id is string => typeof id === 'string');
    const names = new Map((await directory.peopleByIds([...new Set(named)])).map((p) => [p.id, p.name]));
    const ref = (id: unknown) => (typeof id === 'string' ? { id, name: names.get(id) ?? null } : null);
    return c.json({
      collaborativeId: collaborative.id,
      max: MAX_CONVENORS,
      mayName: facts.convenorIds.length < MAX_CONVENORS,
      convenors: held.map((r) => ({
        person: { id: r.person.id, name: r.person.name },
        places: places.get(r.person.id) ?? [],
        grantedBy: r.grantedBy,
        grantedAt: r.grantedAt,
        removable: decideConvenorNaming(actor, facts, { type: 'remove', personId: r.person.id }).allow,
      })),
      trail: trail.map((e) => ({
        at: e.at, action: e.action, by: ref(e.actorPersonId), person: ref(e.detail?.['personId']),
        reason: e.detail?.['reason'] === 'lapsed' ? 'lapsed' : null,
      })),
    });
  });

  // The people search of the proposal and team pickers (G11, G21), kept to those P17 lets convene.
  app.get('/:id/convenors/candidates', async (c) => {
    const { facts } = await allowed(c);
    const { q } = readQuery(c, candidateQuery);
    const found = (await searchPeople(sql, q, 80)).filter((p) => leaderRoles.includes(p.role) && p.schoolId !== null
      && facts.scope.memberSchoolIds.includes(p.schoolId) && !facts.convenorIds.includes(p.personId));
    const once = found.filter((p, i) => found.findIndex((x) => x.personId === p.personId) === i);
    return c.json({ people: once.slice(0, 20) });
  });

  app.post('/:id/convenors', async (c) => {
    const { personId, actor, collaborative, facts } = await allowed(c);
    const body = await readJson(c, nameBody);
    if (!(await directory.person(body.personId))) throw new ProblemError('directory.not-found', { detail: 'Unknown person.' });
    const change: ConvenorNaming = { type: 'name', grantee: await loadActor(directory, body.personId) };
    const decision = decideConvenorNaming(actor, facts, change);
    if (!decision.allow) throw refusal(decision);
    // Decided again inside one transaction, so two namings at once never make a fifth.
    const outcome = await directoryWrites.nameConvenor(collaborative.id, body.personId, personId, new Date(clock()), MAX_CONVENORS);
    if (outcome === 'already') throw new ProblemError('collaborative.already-convenor');
    if (outcome === 'full') throw new ProblemError('collaborative.too-many-convenors');
    if (outcome === 'gone') throw new ProblemError('collaborative.not-found');
    await audit.record({ actorPersonId: personId, action: 'granted', detail: { personId: body.personId, role: 'convenor', collaborativeId: collaborative.id } });
    await notifyConvenorsNamed(services, { collaborativeId: collaborative.id, personIds: [body.personId], namedBy: personId });
    await sync?.recheck({ personIds: [body.personId] });
    return c.json({ personId: body.personId, collaborativeId: collaborative.id }, 201);
  });

  app.delete('/:id/convenors/:personId', async (c) => {
    const { personId, actor, collaborative, facts } = await allowed(c);
    const removed = readParam(c, 'personId', PersonId);
    const decision = decideConvenorNaming(actor, facts, { type: 'remove', personId: removed });
    if (!decision.allow) throw refusal(decision);
    // P114 again inside one transaction: two removals at once never leave none.
    const outcome = await directoryWrites.removeConvenor(collaborative.id, removed);
    if (outcome === 'last') throw new ProblemError('collaborative.last-convenor');
    if (outcome === 'not-convenor') throw new ProblemError('collaborative.not-convenor');
    await audit.record({ actorPersonId: personId, action: 'revoked', detail: { personId: removed, role: 'convenor', collaborativeId: collaborative.id } });
    // The first-named convenor may have changed, and with it the workspace's owner: re-check both.
    await sync?.recheck({ personIds: [removed] });
    await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', collaborative.id) });
    return c.body(null, 204);
  });

  return app;
}
