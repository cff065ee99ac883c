/**
 * First-start seeding. `seedOnFirstStart` runs a seeder once: when the data dir has no documents
 * and no marker file. `demoSeeder` loads the model's demo dataset: the directory rows (through
 * the access layer's loadDemoDirectory) and each demo document's content, written into the
 * resident Y.Doc so it is stored like any other edit.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { seedDemoDocument } from '@cydweithio/model';
import type { Sql } from '../db/sql';
import { loadDemoDirectory, seedDemoRecords } from '../directory/demo';
import type { RecordControl } from '../access/context';
import { seedDemoLaPicture } from '../overview/demo-seed';
import { CycleStore } from '../cycle/cycle-store';
import { draftHash } from '../cycle/review-hash';
import { systemClock } from '../access/context';
import type { DemoDataset } from '@cydweithio/model/demo/index';
import type { DocStore } from '../storage/doc-store';
import type { SyncHandle } from '../server';
import { readDemoDataset } from './source-data';

export interface SeedContext {
  store: DocStore;
  sync: SyncHandle;
  logger: Logger;
}

export type Seeder = (context: SeedContext) => Promise<void>;

const MARKER = 'seeded';

/** True when the seeder ran. A failing seeder is logged and the server starts empty. */
export async function seedOnFirstStart(dataDir: string, context: SeedContext, seed?: Seeder): Promise<boolean> {
  const marker = join(dataDir, MARKER);
  if (existsSync(marker)) return false;
  if ((await context.store.listDocIds()).length > 0) {
    // Documents already stored (a shared database another instance, or an earlier run, seeded):
    // this data dir's first start is done too, and an instance waiting for the marker may go on.
    writeFileSync(marker, `${new Date().toISOString()} (documents already stored)
`);
    return false;
  }
  if (!seed) return false;
  try {
    await seed(context);
  } catch (error) {
    context.logger.error({ err: error }, 'first start: seeding failed; starting without the demo');
    return false;
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  return true;
}

export function demoSeeder(sql: Sql, sourceDataDir: string, records?: RecordControl): Seeder {
  return async ({ sync, logger }) => {
    const dataset = readDemoDataset(sourceDataDir);
    await loadDemoDirectory(sql, dataset);
    for (const demo of dataset.documents) {
      const doc = await sync.getDoc(demo.record.id);
      if (doc.share.size === 0) seedDemoDocument(doc, demo);
    }
    const agreements = records ? await seedDemoCycle(sql, records, dataset, (id) => sync.getDoc(id)) : 0;
    logger.info({ documents: dataset.documents.length, schools: dataset.schools.length, agreements }, 'first start: demo dataset loaded');
  };
}

/**
 * The demo's records (CYCLE.md E21): its agreements into the schools' records, and each confirmed
 * review draft marked agreed with the content its seeded draft holds. Run after the documents are
 * seeded.
 */
export async function seedDemoCycle(sql: Sql, records: RecordControl, dataset: DemoDataset, getDoc: SyncHandle['getDoc']): Promise<number> {
  const cycle = new CycleStore(sql, systemClock);
  const written = await seedDemoRecords(records, dataset, async (reviewDocId) => {
    const hash = draftHash(await getDoc(reviewDocId), reviewDocId);
    if (hash) await cycle.markAgreed(reviewDocId, hash);
  });
  // The LA picture's demo (OVERVIEW.md O26): themes, more schools' plans, a brokered match.
  return written + (await seedDemoLaPicture(sql, records, dataset, getDoc));
}
