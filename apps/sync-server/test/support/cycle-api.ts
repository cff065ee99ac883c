/**
 * The demo API with a record layer holding the demo's agreements (plans approved, summaries,
 * confirmed reviews), as the start command seeds them (CYCLE.md E19), plus helpers for the
 * cycle's documents and the public summary routes.
 */
import type * as Y from 'yjs';
import { Hono } from 'hono';
import { seedDemoCycle } from '../../src/cli/seed';
import { MemoryRecordStore } from '../../src/records/record-store';
import { laPictureDigester } from '../../src/overview/record-digest';
import { RecordService } from '../../src/records/record-service';
import { makeDemoApi, type DemoApi } from './demo-api';

export async function makeCycleApi(options: Parameters<typeof makeDemoApi>[0] = {}) {
  // As the server makes it: every agreement saved with the LA picture's digest (O34).
  const records = new RecordService(new MemoryRecordStore(), laPictureDigester);
  const api: DemoApi = await makeDemoApi({ records, ...options });
  const getDoc = async (id: string): Promise<Y.Doc> => {
    const doc = await api.sync.getDoc?.(id);
    if (!doc) throw new Error(`no doc ${id}`);
    return doc;
  };
  await seedDemoCycle(api.sql, records, api.dataset, getDoc);
  const publicApp = new Hono().route('/summary', api.layer.publicRoutes);
  const { cast } = api.dataset;
  const docsOf = (kind: 'development-plan' | 'progress-review', schoolId: string) =>
    api.dataset.documents.filter((d) => d.record.kind === kind && d.record.owner.type === 'school' && d.record.owner.schoolId === schoolId).map((d) => d.record.id);
  const post = (person: string, path: string, body: unknown = {}) => api.request(person, path, { method: 'POST', body: JSON.stringify(body) });
  return { ...api, records, getDoc, publicApp, cast, docsOf, post };
}

export type CycleApi = Awaited<ReturnType<typeof makeCycleApi>>;
