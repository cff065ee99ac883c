/**
 * O26: the LA picture's demo on first start (and in the tests' servers): the demo LA's theme
 * list, more schools' agreed plans with strengths and needs, their tags and one brokered match.
 * Each agreement is written only when the school's record lacks that subject, so a restart or a
 * second seeding adds nothing.
 */
import type * as Y from 'yjs';
import type { DemoDataset } from '@cydweithio/model/demo/index';
import { toPlainJson } from '@cydweithio/model/docs/index';
import type { RecordControl } from '../access/context';
import { systemClock } from '../access/context';
import type { Sql } from '../db/sql';
import type { RecordValue } from '../records/record-doc';
import { SHARED_PRIORITIES_SUBJECT } from './collaborative-priorities';
import { LaPictureStore } from './la-picture-store';

export async function seedDemoLaPicture(sql: Sql, records: RecordControl, dataset: DemoDataset, getDoc?: (id: string) => Promise<Y.Doc>): Promise<number> {
  const store = new LaPictureStore(sql, systemClock);
  const { laPicture } = dataset;
  for (const tag of laPicture.tags) await store.addTag(tag, 'demo-la-officer');
  let written = 0;
  for (const a of laPicture.agreements) {
    if ((await records.current(a.ownerKey)).subjects[a.subject] !== undefined) continue;
    await records.agree(a.ownerKey, a.subject, a.state as RecordValue, { by: a.by, label: a.label, at: a.at });
    written++;
  }
  // The demo cluster's shared priorities as its convenor agreed them at a meeting (A27).
  const workspaceDoc = dataset.documents.find((d) => d.record.kind === 'workspace');
  if (getDoc && workspaceDoc && workspaceDoc.record.owner.type === 'collaborative') {
    const ownerKey = `collaborative:${workspaceDoc.record.owner.collaborativeId}`;
    if ((await records.current(ownerKey)).subjects[SHARED_PRIORITIES_SUBJECT] === undefined) {
      const state = toPlainJson(await getDoc(workspaceDoc.record.id)) as unknown as RecordValue;
      await records.agree(ownerKey, SHARED_PRIORITIES_SUBJECT, state, { by: 'demo-convenor', label: 'Cyfarfod y clwstwr / Cluster meeting', at: Math.floor(Date.parse('2026-10-07T16:00:00Z') / 1000) });
      written++;
    }
  }
  const tagged = new Set((await store.itemThemes()).map((t) => `${t.ownerKey}#${t.itemId}`));
  for (const t of laPicture.itemThemes) if (!tagged.has(`${t.ownerKey}#${t.itemId}`)) await store.setItemThemes(t, 'demo-la-officer');
  return written;
}
