/**
 * What changed (ACCESS.md A123-A125): opening a document records the look and answers who
 * changed which section since the person last looked; the home feed gathers changes, actions
 * due and (through its sources) mentions across the documents they may read. Each door asks
 * the model's policy (P100).
 */
import { Hono, type Context } from 'hono';
import { decideActivity, type ActivityAction } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { documentResource, loadActor } from '../access/policy';
import type { ActivityStore } from '../activity/activity-store';
import { buildFeed, type FeedSource } from '../activity/feed';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';

/** A first look shows the changes of the last fortnight, not the document's whole life. */
const FIRST_LOOK_MS = 14 * 24 * 60 * 60_000;
const MAX_CHANGES = 50;

async function readableDoc(services: AccessServices, c: Context<AccessEnv>, action: ActivityAction) {
  const personId = requireSignIn(c);
  const found = await documentResource(services.directory, services.registry, c.req.param('id') ?? '');
  if (!found) throw new ProblemError('document.not-found');
  const decision = decideActivity(await loadActor(services.directory, personId), action, found.resource);
  if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
  return { personId, docId: found.doc.record.id };
}

async function changesFor(services: AccessServices, store: ActivityStore, docId: string, personId: string, since: Date | null) {
  const changes = await store.changesSince([docId], since ?? new Date(services.clock() - FIRST_LOOK_MS), personId, MAX_CHANGES);
  const names = new Map((await services.directory.peopleByIds([...new Set(changes.map((c) => c.personId))])).map((p) => [p.id, p.name]));
  return changes.map((c) => ({ section: c.label, sectionKey: c.sectionKey, person: { id: c.personId, name: names.get(c.personId) ?? '' }, firstAt: c.firstAt, at: c.lastAt }));
}

export function activityRoutes(services: AccessServices, store: ActivityStore, sources: readonly FeedSource[]) {
  const documents = new Hono<AccessEnv>();
  // Opening a document: the changes since the last look, and this look recorded (A124).
  documents.post('/:id/look', async (c) => {
    const { personId, docId } = await readableDoc(services, c, 'see-changes');
    const { previous, now } = await store.look(docId, personId);
    return c.json({ lastLookedAt: previous?.toISOString() ?? null, lookedAt: now.toISOString(), changes: await changesFor(services, store, docId, personId, previous) });
  });
  const feed = new Hono<AccessEnv>();
  feed.get('/', async (c) => c.json(await buildFeed(services, store, requireSignIn(c), sources)));
  return { documents, feed };
}
