/**
 * GET /api/audit?documentId= (ACCESS.md A27): the document's audit trail for its owners and
 * for LA officers who may read it. Entries carry actions and small facts, never text.
 */
import { Hono } from 'hono';
import { decideManage } from '@cydweithio/model/policy/index';
import { z } from 'zod';
import type { AccessServices } from '../access/services';
import { isLaOfficer } from '../access/directory-rights';
import { decide, documentResource, loadActor, resolveAccess, type PolicyResource } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const auditQuery = z.object({ documentId: z.string().min(1).max(100) });

function laCodesOf(resource: PolicyResource): readonly number[] {
  switch (resource.kind) {
    case 'self-evaluation':
    case 'development-plan':
    case 'progress-review': return [resource.schoolLaCode];
    case 'peer-review': return [resource.hostLaCode];
    case 'workspace': return resource.memberLaCodes;
    // The LA reads no extract (P130): its officers see no trail of one.
    case 'review-extract': return [];
  }
}

export function auditRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, registry, audit } = services;
  const app = new Hono<AccessEnv>();

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const { documentId } = readQuery(c, auditQuery);
    const found = await documentResource(directory, registry, documentId);
    if (!found) throw new ProblemError('document.not-found');
    const actor = await loadActor(directory, personId);
    // An archived document's owners still own it (P96 makes everyone a viewer at the socket only).
    // Whoever may rename or archive it sees the trail of those changes too (A115).
    const owner = resolveAccess(actor, { ...found.resource, archived: false }) === 'owner' || decideManage(actor, 'archive', found.resource).allow;
    // An LA officer sees the trail only of documents they may read: an unshared peer review's
    // trail would tell the LA it exists and who worked on it.
    const officer = isLaOfficer(actor, laCodesOf(found.resource)) && decide(actor, 'read', found.resource).allow;
    if (!owner && !officer) throw new ProblemError('audit.forbidden');
    const entries = await audit.forDocument(documentId);
    const names = new Map((await directory.peopleByIds([...new Set(entries.flatMap((e) => (e.actorPersonId ? [e.actorPersonId] : [])))])).map((p) => [p.id, p.name]));
    return c.json({ entries: entries.map((e) => ({ ...e, actorName: e.actorPersonId ? names.get(e.actorPersonId) ?? null : null })) });
  });

  return app;
}
