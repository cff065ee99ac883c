/**
 * Documents (ACCESS.md A14-A19): the listing of what the signed-in person may read, creation,
 * who can read one, and erasure. Every answer comes from the model's policy.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { displayText } from '@cydweithio/model/domain/displayText';
import { DocumentKind, newDocId, type DocumentRecord } from '@cydweithio/model/domain/document';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import { initialise, peerReview } from '@cydweithio/model/docs/index';
import type { ResourceLookup } from '@cydweithio/model/policy/index';
import { decideManage, resourceFromRecord } from '@cydweithio/model/policy/index';
import { titlesOf } from '@cydweithio/model/domain/documentTitles';
import type { AccessServices } from '../access/services';
import { loadActor, loadLookup, ownersOf, resolveAccess } from '../access/policy';
import { listingScope, readersOf } from '../access/readers';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { requireSignIn } from './middleware/session';
import { readJson, readQuery } from './middleware/validate';
import { ProblemError } from './problem';

const createBody = z.object({
  kind: DocumentKind,
  /** A school id for a self-evaluation or peer review, a collaborative id for a workspace. */
  ownerId: z.string().min(1).max(64),
  title: displayText(200),
  /** A peer review's agreed focus, written into its focus text when the server initialises it. */
  focus: z.string().trim().max(500).optional(),
  reviewerIds: z.array(z.string().min(1).max(64)).max(20).optional(),
});

function ownerName(record: DocumentRecord, lookup: ResourceLookup): Bilingual | null {
  if (record.owner.type === 'school') return lookup.school(record.owner.schoolId)?.name ?? null;
  return lookup.collaborative(record.owner.collaborativeId)?.name ?? null;
}

/**
 * A document as the listing shows it (A12): with its titles in both languages and whether the
 * reader may rename, archive or restore it (A112, P95), so a screen offers only what the server
 * would allow (each request is decided again).
 */
function summaryOf(record: DocumentRecord, lookup: ResourceLookup, access: NonNullable<ReturnType<typeof resolveAccess>>, manage: boolean) {
  const ownerId = record.owner.type === 'school' ? record.owner.schoolId : record.owner.collaborativeId;
  return {
    id: record.id, kind: record.kind, title: record.title, titles: titlesOf(record),
    owner: { type: record.owner.type, id: ownerId, name: ownerName(record, lookup) },
    access,
    canManage: manage,
    ...(record.archivedAt ? { archivedAt: record.archivedAt } : {}),
    ...(record.peerReview ? { sharedWithLa: record.peerReview.sharedWithLa } : {}),
  };
}

/** The listing's one query parameter: the archived view (A112). */
const listQuery = z.object({ view: z.enum(['current', 'archived']).default('current') });

export function documentRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, registry, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const { view } = readQuery(c, listQuery);
    const actor = await loadActor(directory, personId);
    const scope = await listingScope(directory, actor);
    const candidates = view === 'archived' ? await registry.archivedCandidates(scope) : await registry.candidates(scope);
    const lookup = await loadLookup(directory, { ...ownersOf(candidates.map((doc) => doc.record)), today: registry.today() });
    const listed = candidates.flatMap((doc) => {
      const resource = resourceFromRecord(doc.record, lookup);
      const access = resource ? resolveAccess(actor, resource) : null;
      return access && resource ? [summaryOf(doc.record, lookup, access, decideManage(actor, 'archive', resource).allow)] : [];
    });
    // Open comment threads per document (A106): the listing's count, for documents the person reads.
    const open = await services.comments.openThreadCounts(listed.map((d) => d.id));
    return c.json({ documents: listed.map((d) => ({ ...d, openComments: open.get(d.id) ?? 0 })) });
  });

  // One document's summary (A88): what the client asks before it shows a document it does not
  // have listed, so a refused or unknown one is a page saying so, never an empty editor.
  app.get('/:id', async (c) => {
    const { doc, actor, resource, lookup } = await documentFor(services, c, 'read');
    const access = resolveAccess(actor, resource);
    if (!access) throw new ProblemError('document.forbidden');
    return c.json({ document: summaryOf(doc.record, lookup, access, decideManage(actor, 'archive', resource).allow) });
  });

  app.post('/', async (c) => {
    const personId = requireSignIn(c);
    const body = await readJson(c, createBody);
    // Plans and reviews carry a year or a term and start from the record (CYCLE.md E1, E10).
    if (body.kind === 'development-plan' || body.kind === 'progress-review') {
      throw new ProblemError('request.invalid', { errors: [{ path: 'kind', message: `Create a ${body.kind} through /api/${body.kind === 'development-plan' ? 'plans' : 'reviews'}.` }] });
    }
    const owner: DocumentRecord['owner'] = body.kind === 'workspace'
      ? { type: 'collaborative', collaborativeId: body.ownerId }
      : { type: 'school', schoolId: body.ownerId };
    const id = newDocId(body.kind, randomBytes(12).toString('base64url'));
    const reviewerIds = body.kind === 'peer-review' ? body.reviewerIds ?? [] : [];
    const record: DocumentRecord = {
      id, kind: body.kind, owner, title: body.title,
      ...(body.kind === 'peer-review' ? { peerReview: { hostSchoolId: body.ownerId, reviewerIds, sharedWithLa: false } } : {}),
    };
    const resource = resourceFromRecord(record, await loadLookup(directory, ownersOf([record])));
    if (!resource) throw new ProblemError('directory.not-found', { detail: `No owner ${body.ownerId} for a ${body.kind}.` });
    // Creating a document makes its creator's school or collaborative the owner, so only those
    // the policy would make its owner (may share or erase it) may create one (A15).
    if (resolveAccess(await loadActor(directory, personId), resource) !== 'owner') {
      throw new ProblemError('document.forbidden', { detail: `${body.kind}.create-owner-only` });
    }
    if ((await directory.peopleByIds(reviewerIds)).length !== new Set(reviewerIds).size) {
      throw new ProblemError('request.invalid', { errors: [{ path: 'reviewerIds', message: 'Unknown person.' }] });
    }
    await registry.create({ id, kind: body.kind, title: body.title, owner, reviewerIds, createdBy: personId });
    await audit.record({ actorPersonId: personId, action: 'created', documentId: id, detail: { kind: body.kind } });
    // The layout is written here, before anyone knows the id: two clients initialising the same
    // new document offline would otherwise each add the starting sections.
    if (sync?.getDoc) {
      const ydoc = await sync.getDoc(id);
      initialise(ydoc, body.kind, { title: body.title, ...(body.kind === 'peer-review' ? { hostSchoolId: body.ownerId } : {}) });
      if (body.kind === 'peer-review' && body.focus) peerReview(ydoc).focus().insert(0, body.focus);
    }
    return c.json({ id, kind: body.kind, title: body.title, owner: { type: owner.type, id: body.ownerId }, access: 'owner', initialised: sync?.getDoc !== undefined }, 201);
  });

  app.get('/:id/readers', async (c) => {
    const { resource } = await documentFor(services, c, 'read');
    return c.json({ readers: await readersOf(directory, resource) });
  });

  app.delete('/:id', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'erase');
    await registry.erase(doc.record.id);
    await audit.record({ actorPersonId: actor.personId, action: 'erased', documentId: doc.record.id, detail: { kind: doc.record.kind } });
    // The core deletes the content and closes sockets with documentErased; without its erase
    // hook a recheck still closes them (an erased document grants nothing).
    if (sync?.erase) await sync.erase(doc.record.id);
    else await sync?.recheck({ docIds: [doc.record.id] });
    return c.body(null, 204);
  });

  return app;
}
