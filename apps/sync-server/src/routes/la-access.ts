/**
 * The LA's own roles (OVERVIEW.md O40-O44): an LA officer sees who holds the LA's facilitator
 * and officer roles, who gave each and when, and the trail of grants and removals (P116); gives
 * a role to someone already working in the LA, found by name or email (P117); and removes one,
 * never the LA's last officer (P118). Every change is audited; a removal re-checks the person's
 * open sockets at once, as the school's access screen does (A11).
 *   GET    /api/la/:la/access                     holders, trail, roles this person may give
 *   GET    /api/la/:la/access/people?q=           people working in the LA, by name or email
 *   POST   /api/la/:la/access {personId, role}    give an LA role
 *   DELETE /api/la/:la/access/:roleId             take it away
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { laRoles, type Role } from '@cydweithio/model/domain/person';
import { decideLaGrant, decideLaRevoke, decideViewLaAccess, grantableRoles, type LaScope } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { findPeopleInLa, laCodesOfPerson } from '../directory/la-people';
import { laCodeParam } from '../overview/la-access';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson, readQuery } from './middleware/validate';
import { jsonBodyLimit } from './plans';
import { ProblemError } from './problem';

const grantBody = z.object({ personId: z.string().min(1).max(64), role: z.enum(laRoles) });
const peopleQuery = z.object({ q: z.string().trim().min(2).max(100) });

export function laAccessRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, roleGrants, audit, sql, sync, clock } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', jsonBodyLimit);

  /** The LA's scope and the signed-in officer; everyone else is refused before anything is read. */
  async function officer(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const scope: LaScope = { type: 'la', laCode: laCodeParam(c.req.param('la')) };
    const actor = await loadActor(directory, personId);
    const decision = decideViewLaAccess(actor, scope);
    if (!decision.allow) throw new ProblemError('la-access.forbidden', { detail: decision.reason });
    return { personId, scope, actor };
  }

  const heldIn = (scope: LaScope) => roleGrants.inScope('la', String(scope.laCode));
  const officersOf = (held: Awaited<ReturnType<typeof heldIn>>) => held.filter((r) => r.assignment.role === 'la-officer').length;

  app.get('/:la/access', async (c) => {
    const { scope, actor } = await officer(c);
    const held = await heldIn(scope);
    const officers = officersOf(held);
    const trail = await audit.laRoleTrail(scope.laCode);
    const named = trail.flatMap((e) => [e.actorPersonId, e.detail?.['personId']]).filter((id): id is string => typeof id === 'string');
    const names = new Map((await directory.peopleByIds([...new Set(named)])).map((p) => [p.id, p.name]));
    return c.json({
      laCode: scope.laCode,
      roles: held.map((r) => ({
        id: r.id, role: r.assignment.role, person: r.person, grantedBy: r.grantedBy, grantedAt: r.grantedAt,
        removable: decideLaRevoke(actor, { role: r.assignment.role as Role, scope }, r.person.id, officers).allow,
      })),
      trail: trail.map((e) => {
        const subject = typeof e.detail?.['personId'] === 'string' ? e.detail['personId'] : null;
        return {
          at: e.at, action: e.action, role: e.detail?.['role'] ?? null,
          by: e.actorPersonId ? { id: e.actorPersonId, name: names.get(e.actorPersonId) ?? null } : null,
          person: subject ? { id: subject, name: names.get(subject) ?? null } : null,
        };
      }),
      grantable: grantableRoles(actor, scope, laRoles),
    });
  });

  app.get('/:la/access/people', async (c) => {
    const { scope } = await officer(c);
    const { q } = readQuery(c, peopleQuery);
    return c.json({ people: await findPeopleInLa(sql, scope.laCode, q) });
  });

  app.post('/:la/access', async (c) => {
    const { personId, scope, actor } = await officer(c);
    const body = await readJson(c, grantBody);
    if (!(await directory.person(body.personId))) throw new ProblemError('la-access.person-not-found');
    const grantee = await loadActor(directory, body.personId);
    const decision = decideLaGrant(actor, { role: body.role, scope }, grantee, await laCodesOfPerson(sql, body.personId));
    if (decision.reason === 'grant.grantee-outside-la') throw new ProblemError('la-access.person-not-found', { detail: decision.reason });
    if (!decision.allow) throw new ProblemError('grant.forbidden', { detail: decision.reason });
    if (!(await roleGrants.grant(body.personId, { role: body.role, laCode: scope.laCode }, personId, new Date(clock())))) {
      throw new ProblemError('la-access.already-held');
    }
    await audit.record({ actorPersonId: personId, action: 'granted', detail: { personId: body.personId, role: body.role, scope: 'la', laCode: scope.laCode } });
    return c.json({ personId: body.personId, role: body.role, laCode: scope.laCode }, 201);
  });

  app.delete('/:la/access/:roleId', async (c) => {
    const { personId, scope, actor } = await officer(c);
    const held = await roleGrants.byId(c.req.param('roleId'));
    if (!held || !('laCode' in held.assignment) || held.assignment.laCode !== scope.laCode) throw new ProblemError('la-access.role-not-found');
    const decision = decideLaRevoke(actor, { role: held.assignment.role, scope }, held.personId, officersOf(await heldIn(scope)));
    if (decision.reason === 'grant.last-officer') throw new ProblemError('la-access.last-officer', { detail: decision.reason });
    if (!decision.allow) throw new ProblemError('grant.forbidden', { detail: decision.reason });
    if (!(await roleGrants.remove(held.id))) throw new ProblemError('la-access.role-not-found');
    await audit.record({ actorPersonId: personId, action: 'revoked', detail: { personId: held.personId, role: held.assignment.role, scope: 'la', laCode: scope.laCode } });
    await sync?.recheck({ personIds: [held.personId] });
    return c.body(null, 204);
  });

  return app;
}
