/**
 * The demo directory (ACCESS.md A28): the model's demo dataset written into our tables, and
 * the sign-ins the start command prints (one per role). Demo accounts share a public password,
 * so the access layer accepts them only when created with demoMode (see identity-provider).
 * Document content is not seeded here: the core's first-start seeding calls seedDemoDocument.
 */
import { like } from 'drizzle-orm';
import { DEMO_PASSWORD, type DemoDataset } from '@cydweithio/model/demo/index';
import { laPartnershipMembers, laPartnerships, people, roleAssignments } from '../db/schema/directory';
import type { Sql } from '../db/sql';
import { systemClock } from '../access/context';
import { DocumentRegistry } from '../access/document-registry';
import { defaultScryptParams, hashPassword, type ScryptParams } from '../auth/password';
import { newId } from '../auth/tokens';
import { DirectoryWrites } from './directory-writes';
import { toRoleRow } from './role-rows';
import { CycleStore } from '../cycle/cycle-store';
import type { RecordControl } from '../access/context';
import type { RecordValue } from '../records/record-doc';

export interface DemoSignIn {
  /** What the person does in the demo, e.g. 'headteacher', 'la-officer', 'reviewer'. */
  role: string;
  name: string;
  email: string;
  password: string;
}

/** One sign-in per demo role (the named demo cast, not the synthetic convenors). */
export function demoSignIns(dataset: DemoDataset): DemoSignIn[] {
  return dataset.people.filter(isSignInPerson).map(toSignIn);
}

/** The same sign-ins, read back from the database, so every start (not just the first) can print them. */
export async function storedDemoSignIns(sql: Sql): Promise<DemoSignIn[]> {
  const rows = await sql.all((db) => db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(like(people.id, 'demo-%')));
  return rows.filter(isSignInPerson).map(toSignIn).sort((a, b) => a.role.localeCompare(b.role));
}

function isSignInPerson(person: { id: string }): boolean {
  return person.id.startsWith('demo-') && !person.id.endsWith('-secondary');
}

function toSignIn(person: { id: string; name: string; email: string }): DemoSignIn {
  return { role: person.id.slice('demo-'.length), name: person.name, email: person.email, password: DEMO_PASSWORD };
}

/**
 * Inserts the demo LAs, partnerships, schools, people (demo password, hashed), role
 * assignments, collaboratives and document registry rows. Idempotent: rows that exist stay.
 */
export async function loadDemoDirectory(sql: Sql, dataset: DemoDataset, scryptParams: ScryptParams = defaultScryptParams): Promise<void> {
  const writes = new DirectoryWrites(sql);
  const registry = new DocumentRegistry(sql, systemClock);
  // One hash for every demo account: the password is public, so per-account salts would protect
  // nothing, while forty scrypt runs at full strength would slow every first start.
  const demoHash = await hashPassword(DEMO_PASSWORD, scryptParams);

  await writes.upsertLocalAuthorities(dataset.localAuthorities);
  await sql.transaction(async (tx) => {
    for (const partnership of dataset.partnerships) {
      await tx.run((db) => db.insert(laPartnerships).values({
        id: partnership.id, kind: partnership.kind, topicCy: partnership.topic.cy, topicEn: partnership.topic.en, endDate: partnership.endDate ?? null,
      }).onConflictDoNothing());
      for (const laCode of partnership.laCodes) await tx.run((db) => db.insert(laPartnershipMembers).values({ partnershipId: partnership.id, laCode }).onConflictDoNothing());
    }
  });
  await writes.upsertSchools(dataset.schools, 'en');
  await writes.upsertSchools(dataset.schools, 'cy');
  await sql.transaction(async (tx) => {
    for (const person of dataset.people) {
      await tx.run((db) => db.insert(people).values({ id: person.id, name: person.name, email: person.email.toLowerCase(), passwordHash: demoHash }).onConflictDoNothing());
      for (const role of person.roles) await tx.run((db) => db.insert(roleAssignments).values({ id: newId('role'), personId: person.id, ...toRoleRow(role) }).onConflictDoNothing());
    }
  });
  for (const collaborative of dataset.collaboratives) await writes.saveCollaborative(collaborative);
  for (const { record } of dataset.documents) {
    if (await registry.get(record.id)) continue;
    await registry.create({
      id: record.id, kind: record.kind, title: record.title, owner: record.owner,
      reviewerIds: record.peerReview?.reviewerIds ?? [], createdBy: null,
    });
    const host = record.peerReview?.sharedWithLa ? dataset.schools.find((s) => s.id === record.peerReview?.hostSchoolId) : undefined;
    if (host) await registry.shareWithLa(record.id, host.laCode, 'demo-headteacher');
  }
  const cycle = new CycleStore(sql, systemClock);
  for (const d of dataset.documents) {
    if (d.record.owner.type !== 'school') continue;
    const schoolId = d.record.owner.schoolId;
    if (d.plan) await cycle.addPlan({ docId: d.record.id, schoolId, academicYear: d.plan.academicYear, previousPlanId: d.plan.previousPlanId });
    if (d.review) {
      await cycle.addReview({ docId: d.record.id, schoolId, planDocId: d.review.planDocId, term: d.review.term, halfTerm: d.review.halfTerm ?? 0, supportLevel: d.review.supportLevel });
    }
  }
  for (const { facilitatorId, schoolIds } of dataset.caseloads) for (const schoolId of schoolIds) await cycle.assign(facilitatorId, schoolId, null);
}

/**
 * The demo's agreements (plans approved, summaries published, reviews confirmed, support
 * decisions) written into the schools' records, once: an owner whose record already has versions
 * is left alone. Confirmed reviews are marked agreed with the content hash their draft gives.
 */
export async function seedDemoRecords(records: RecordControl, dataset: DemoDataset, markAgreed?: (reviewDocId: string) => Promise<void>): Promise<number> {
  const seeded = new Set<string>();
  let written = 0;
  for (const a of dataset.agreements) {
    if (!seeded.has(a.ownerKey)) {
      if ((await records.versions(a.ownerKey)).length > 0) continue;
      seeded.add(a.ownerKey);
    }
    await records.agree(a.ownerKey, a.subject, a.state as unknown as RecordValue, { by: a.by, label: a.label, at: a.at });
    written++;
    if (markAgreed && 'reviewDocId' in a.state) await markAgreed(a.state.reviewDocId);
  }
  return written;
}
