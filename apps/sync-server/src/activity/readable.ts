/**
 * The documents a person may read, decided one by one by the model's policy (P100) before any
 * search, change list or feed looks at their text: the same net and the same decision as the
 * document listing (A12), so what search finds is never more than what the listing shows.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { Bilingual } from '@cydweithio/model/domain/bilingual';
import type { DocumentRecord } from '@cydweithio/model/domain/document';
import { decideActivity, resourceFromRecord, type ActivityAction, type Actor } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor, loadLookup, ownersOf } from '../access/policy';
import { listingScope } from '../access/readers';
import { documents } from '../db/schema/directory';
import type { Sql } from '../db/sql';

export interface ReadableDocument {
  record: DocumentRecord;
  ownerName: Bilingual | null;
}

export async function readableDocuments(services: AccessServices, personId: string, action: ActivityAction): Promise<{ actor: Actor; docs: ReadableDocument[] }> {
  const { directory, registry } = services;
  const actor = await loadActor(directory, personId);
  const candidates = await registry.candidates(await listingScope(directory, actor));
  const lookup = await loadLookup(directory, { ...ownersOf(candidates.map((doc) => doc.record)), today: registry.today() });
  const docs = candidates.flatMap(({ record }) => {
    const resource = resourceFromRecord(record, lookup);
    if (!resource || !decideActivity(actor, action, resource).allow) return [];
    const owner = record.owner.type === 'school' ? lookup.school(record.owner.schoolId) : lookup.collaborative(record.owner.collaborativeId);
    return [{ record, ownerName: owner?.name ?? null }];
  });
  return { actor, docs };
}

/** Which of these ids are registered documents not erased (the log deriver skips the rest). */
export async function liveDocumentIds(sql: Sql, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await sql.all((db) => db.select({ id: documents.id }).from(documents).where(and(inArray(documents.id, [...ids]), isNull(documents.erasedAt))));
  return new Set(rows.map((r) => r.id));
}
