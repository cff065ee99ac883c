/**
 * O4: the overview reads agreed records only, through digests: what one owner's record says for
 * the LA picture (model `schoolDigestFor`, `digestCollaborative`). One query reads the revisions
 * of every owner in scope; a digest already read is kept while its record's revision is
 * unchanged (K16), and the others come in one more query from the digests saved with each
 * agreement (O34), so an overview loads no record unless one lacks a current digest (O35).
 */
import { digestSchool, schoolDigestFor, type CollaborativeDigest, type SchoolDigest } from '@cydweithio/model/rules/agreedDigest';
import type { RecordControl } from '../access/context';
import { agreedCollaborativePriorities } from './collaborative-priorities';
import { readPictureDigest } from './record-digest';

interface Cached<T> { revision: number; key: string; digest: T }

export class AgreedDigests {
  private readonly schoolCache = new Map<string, Cached<SchoolDigest>>();
  private readonly collaborativeCache = new Map<string, Cached<CollaborativeDigest>>();

  constructor(private readonly records: () => RecordControl) {}

  revisions(ownerKeys: readonly string[]): Promise<Map<string, number>> {
    return this.records().revisions(ownerKeys);
  }

  /** The digests' bodies of these owners, or null without stored digests (a record layer without a digester): then each record is read. */
  private async stored(ownerKeys: readonly string[]): Promise<Map<string, string> | null> {
    const records = this.records();
    return records.digests && ownerKeys.length > 0 ? records.digests(ownerKeys) : null;
  }

  async schools(schoolIds: readonly string[], academicYear: number, today: string): Promise<Map<string, SchoolDigest>> {
    return this.readThrough('school', schoolIds, this.schoolCache, `${academicYear}/${today}`, async (id, ownerKey, parsed) =>
      parsed && 'school' in parsed
        ? schoolDigestFor(id, parsed.school, academicYear, today)
        : digestSchool(id, (await this.records().current(ownerKey)).subjects, academicYear, today));
  }

  async collaboratives(collaborativeIds: readonly string[]): Promise<Map<string, CollaborativeDigest>> {
    return this.readThrough('collaborative', collaborativeIds, this.collaborativeCache, '', async (id, ownerKey, parsed) =>
      parsed && 'collaborative' in parsed ? parsed.collaborative : agreedCollaborativePriorities(id, (await this.records().current(ownerKey)).subjects));
  }

  /**
   * One kind of owner through its cache: a digest is kept while its record's revision (and the
   * `key` it was worked out for) is unchanged; the rest come from the stored digests in one
   * query, or from the record itself when it has none.
   */
  private async readThrough<T>(
    kind: 'school' | 'collaborative',
    ids: readonly string[],
    cache: Map<string, Cached<T>>,
    key: string,
    digestOf: (id: string, ownerKey: string, parsed: ReturnType<typeof readPictureDigest> | null) => Promise<T> | T,
  ): Promise<Map<string, T>> {
    const prefix = `${kind}:`;
    const revisions = await this.revisions(ids.map((id) => prefix + id));
    const out = new Map<string, T>();
    const missing: string[] = [];
    for (const id of ids) {
      const ownerKey = prefix + id;
      const revision = revisions.get(ownerKey);
      if (revision === undefined) continue;
      const cached = cache.get(ownerKey);
      if (cached && cached.revision === revision && cached.key === key) out.set(id, cached.digest);
      else missing.push(ownerKey);
    }
    const stored = await this.stored(missing);
    for (const ownerKey of missing) {
      const id = ownerKey.slice(prefix.length);
      const body = stored?.get(ownerKey);
      const digest = await digestOf(id, ownerKey, body === undefined ? null : readPictureDigest(body));
      // The revision read first: a save since makes the next read miss the cache, never the reverse.
      cache.set(ownerKey, { revision: revisions.get(ownerKey) ?? 0, key, digest });
      out.set(id, digest);
    }
    return out;
  }
}
