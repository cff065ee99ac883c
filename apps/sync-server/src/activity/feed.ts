/**
 * The home feed (A125): in the documents a person may read, other people's changes in the last
 * fortnight, the actions due or overdue (the person's own first) and, through `FeedSource`s,
 * anything else that belongs there (mentions in comments). The policy picks the documents
 * first; every source is given only those.
 */
import { actionFlag, type ActionFlag } from '@cydweithio/model/rules/actionFlags';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import type { AccessServices } from '../access/services';
import type { ActivityStore } from './activity-store';
import { readableDocuments, type ReadableDocument } from './readable';

export const FEED_DAYS = 14;
const FEED_CHANGES = 30;
const FEED_ACTIONS = 20;

export interface FeedDocument {
  id: string;
  kind: string;
  title: string;
  owner: Bilingual | null;
}

export interface FeedChange {
  document: FeedDocument;
  section: Bilingual;
  person: { id: string; name: string };
  at: string;
  /** After the person last opened the document (or they never have). */
  unseen: boolean;
}

export interface FeedAction {
  document: FeedDocument;
  id: string;
  description: string;
  ownerName: string;
  due: string;
  where: string;
  flag: ActionFlag;
  mine: boolean;
}

/** Another source of feed items (mentions): given only documents the policy let the person read. */
export interface FeedSource {
  name: string;
  items(personId: string, docs: readonly ReadableDocument[]): Promise<unknown[]>;
}

export async function buildFeed(services: AccessServices, store: ActivityStore, personId: string, sources: readonly FeedSource[]) {
  const { docs } = await readableDocuments(services, personId, 'feed');
  const byId = new Map(docs.map((d) => [d.record.id, d]));
  const describe = (id: string): FeedDocument => {
    const d = byId.get(id);
    return { id, kind: d?.record.kind ?? '', title: d?.record.title ?? '', owner: d?.ownerName ?? null };
  };
  const ids = [...byId.keys()];
  const since = new Date(services.clock() - FEED_DAYS * 24 * 60 * 60_000);
  const [changes, texts, me] = await Promise.all([
    store.changesSince(ids, since, personId, FEED_CHANGES),
    store.texts(ids),
    services.directory.peopleByIds([personId]),
  ]);
  const names = new Map((await services.directory.peopleByIds([...new Set(changes.map((c) => c.personId))])).map((p) => [p.id, p.name]));
  const looks = await Promise.all([...new Set(changes.map((c) => c.docId))].map(async (id) => [id, await store.lastLooked(id, personId)] as const));
  const lookedAt = new Map(looks);
  const today = services.registry.today();
  const myName = (me[0]?.name ?? '').trim().toLowerCase();
  const actions: FeedAction[] = texts.flatMap((t) => t.actions.flatMap((a) => {
    const flag = actionFlag(a, today);
    if (!flag) return [];
    const mine = a.ownerPersonId !== '' ? a.ownerPersonId === personId : myName !== '' && a.ownerName.trim().toLowerCase() === myName;
    return [{ document: describe(t.docId), id: a.id, description: a.description, ownerName: a.ownerName, due: a.due, where: a.where, flag, mine }];
  }));
  actions.sort((a, b) => Number(b.mine) - Number(a.mine) || (a.flag === b.flag ? a.due.localeCompare(b.due) : a.flag === 'overdue' ? -1 : 1));
  const extra = Object.fromEntries(await Promise.all(sources.map(async (s) => [s.name, await s.items(personId, docs)] as const)));
  return {
    changes: changes.map((c): FeedChange => {
      const looked = lookedAt.get(c.docId) ?? null;
      return { document: describe(c.docId), section: c.label, person: { id: c.personId, name: names.get(c.personId) ?? '' }, at: c.lastAt, unseen: looked === null || looked.getTime() < Date.parse(c.lastAt) };
    }),
    actions: actions.slice(0, FEED_ACTIONS),
    ...extra,
  };
}
