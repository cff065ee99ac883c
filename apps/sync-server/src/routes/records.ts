/**
 * Reading agreed records (ACCESS.md A32-A35, RECORDS.md K6-K7): LA observers and governors read
 * what was agreed, never drafts. Every route asks the model's policy about the owner's record.
 *   GET /api/records/:ownerKey/versions          the agreements, oldest first
 *   GET /api/records/:ownerKey?at=<hash>         the record now, or as it stood at a version
 *   GET /api/records/:ownerKey/diff?from=&to=    Automerge patches between two versions
 *   GET /api/records/:ownerKey/export            the Automerge file (audited 'exported')
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { readQuery } from './middleware/validate';
import { knownVersion, recordFor } from './record-access';

/** Automerge change hashes: 32 bytes as hex. */
const Hash = z.string().regex(/^[0-9a-f]{64}$/);
const atQuery = z.object({ at: Hash.optional() });
const diffQuery = z.object({ from: Hash, to: Hash });

export function recordRoutes(services: AccessServices): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();

  app.get('/:ownerKey/versions', async (c) => {
    const record = await recordFor(services, c, 'read');
    const versions = await record.records.versions(record.ownerKey);
    // K15: the timeline says who by name as well as by id.
    const people = await services.directory.peopleByIds([...new Set(versions.map((v) => v.by))]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    return c.json({ ownerKey: record.ownerKey, versions: versions.map((v) => ({ ...v, byName: names.get(v.by) ?? null })) });
  });

  app.get('/:ownerKey/diff', async (c) => {
    const { from, to } = readQuery(c, diffQuery);
    const record = await recordFor(services, c, 'read');
    await knownVersion(record, from);
    await knownVersion(record, to);
    // K18: the patches arrive as JSON text (ten thousand of them across five years), spliced into
    // the answer c.json would give rather than parsed and serialised again.
    const patches = await record.records.diffJson(record.ownerKey, from, to);
    const head = JSON.stringify({ ownerKey: record.ownerKey, from, to }).slice(0, -1);
    return c.body(`${head},"patches":${patches}}`, 200, { 'content-type': 'application/json' });
  });

  app.get('/:ownerKey/export', async (c) => {
    const record = await recordFor(services, c, 'export');
    const bytes = await record.records.export(record.ownerKey);
    // The owner key stands in for a document id: records are not registry documents (A35).
    await services.audit.record({ actorPersonId: record.actor.personId, action: 'exported', detail: { ownerKey: record.ownerKey, format: 'automerge' } });
    const filename = `record-${record.ownerKey.replace(':', '-')}.automerge`;
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${filename}"` });
  });

  app.get('/:ownerKey', async (c) => {
    const { at } = readQuery(c, atQuery);
    const record = await recordFor(services, c, 'read');
    const state = at === undefined
      ? await record.records.current(record.ownerKey)
      : await record.records.stateAt(record.ownerKey, await knownVersion(record, at));
    return c.json({ ownerKey: record.ownerKey, at: at ?? null, subjects: state.subjects });
  });

  return app;
}
