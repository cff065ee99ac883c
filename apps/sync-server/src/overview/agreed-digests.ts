/**
 * O4: the overview reads agreed records only, through digests: what one owner's record says for
 * the LA picture (model `digestSchool`, `digestCollaborative`). A digest is computed from the
 * record's current state once and kept while the record's revision is unchanged (K16): one
 * query reads the revisions of every owner in scope, so an LA's or a partnership's overview costs
 * a record load only for the owners someone agreed something into since.
 */
import { digestSchool, type CollaborativeDigest, type SchoolDigest } from '@cydweithio/model/rules/agreedDigest';
import type { RecordControl } from '../access/context';
import { agreedCollaborativePriorities } from './collaborative-priorities';

interface Cached<T> { revision: number; key: string; digest: T }

export class AgreedDigests {
  private readonly schoolCache = new Map<string, Cached<SchoolDigest>>();
  private readonly collaborativeCache = new Map<string, Cached<CollaborativeDigest>>();

  constructor(private readonly records: () => RecordControl) {}

  revisions(ownerKeys: readonly string[]): Promise<Map<string, number>> {
    return this.records().revisions(ownerKeys);
  }

  async schools(schoolIds: readonly string[], academicYear: number, today: string): Promise<Map<string, SchoolDigest>> {
    const keys = schoolIds.map((id) => `school:${id}`);
    const revisions = await this.revisions(keys);
    const key = `${academicYear}/${today}`;
    const out = new Map<string, SchoolDigest>();
    for (const id of schoolIds) {
      const ownerKey = `school:${id}`;
      const revision = revisions.get(ownerKey);
      if (revision === undefined) continue;
      const cached = this.schoolCache.get(ownerKey);
      if (cached && cached.revision === revision && cached.key === key) {
        out.set(id, cached.digest);
        continue;
      }
      const { subjects } = await this.records().current(ownerKey);
      const digest = digestSchool(id, subjects, academicYear, today);
      this.schoolCache.set(ownerKey, { revision, key, digest });
      out.set(id, digest);
    }
    return out;
  }

  async collaboratives(collaborativeIds: readonly string[]): Promise<Map<string, CollaborativeDigest>> {
    const revisions = await this.revisions(collaborativeIds.map((id) => `collaborative:${id}`));
    const out = new Map<string, CollaborativeDigest>();
    for (const id of collaborativeIds) {
      const ownerKey = `collaborative:${id}`;
      const revision = revisions.get(ownerKey);
      if (revision === undefined) continue;
      const cached = this.collaborativeCache.get(ownerKey);
      if (cached && cached.revision === revision) {
        out.set(id, cached.digest);
        continue;
      }
      const { subjects } = await this.records().current(ownerKey);
      const digest = agreedCollaborativePriorities(id, subjects);
      this.collaborativeCache.set(ownerKey, { revision, key: '', digest });
      out.set(id, digest);
    }
    return out;
  }
}
