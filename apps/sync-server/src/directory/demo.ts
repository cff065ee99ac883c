/**
 * The demo directory (ACCESS.md A28): the model's demo dataset written into our tables, and
 * the sign-ins the start command prints (one per role). Demo accounts share a public password,
 * so the access layer accepts them only when created with demoMode (see identity-provider).
 * Document content is not seeded here: the core's first-start seeding calls seedDemoDocument.
 */
import { like } from 'drizzle-orm';
import { DEMO_PASSWORD, type DemoDataset } from '@cydweithio/model/demo/index';
import { laPartnershipMembers, laPartnerships, people, roleAssignments } from '../db/schema/directory';
import type { Db } from '../access/context';
import { systemClock } from '../access/context';
import { DocumentRegistry } from '../access/document-registry';
import { defaultScryptParams, hashPassword, type ScryptParams } from '../auth/password';
import { newId } from '../auth/tokens';
import { DirectoryWrites } from './directory-writes';
import { toRoleRow } from './role-rows';

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
export function storedDemoSignIns(db: Db): DemoSignIn[] {
  const rows = db.select({ id: people.id, name: people.name, email: people.email }).from(people).where(like(people.id, 'demo-%')).all();
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
export async function loadDemoDirectory(db: Db, dataset: DemoDataset, scryptParams: ScryptParams = defaultScryptParams): Promise<void> {
  const writes = new DirectoryWrites(db);
  const registry = new DocumentRegistry(db, systemClock);
  // One hash for every demo account: the password is public, so per-account salts would protect
  // nothing, while forty scrypt runs at full strength would slow every first start.
  const demoHash = await hashPassword(DEMO_PASSWORD, scryptParams);

  writes.upsertLocalAuthorities(dataset.localAuthorities);
  db.transaction((tx) => {
    for (const partnership of dataset.partnerships) {
      tx.insert(laPartnerships).values({
        id: partnership.id, kind: partnership.kind, topicCy: partnership.topic.cy, topicEn: partnership.topic.en, endDate: partnership.endDate ?? null,
      }).onConflictDoNothing().run();
      for (const laCode of partnership.laCodes) tx.insert(laPartnershipMembers).values({ partnershipId: partnership.id, laCode }).onConflictDoNothing().run();
    }
  });
  writes.upsertSchools(dataset.schools, 'en');
  writes.upsertSchools(dataset.schools, 'cy');
  db.transaction((tx) => {
    for (const person of dataset.people) {
      tx.insert(people).values({ id: person.id, name: person.name, email: person.email.toLowerCase(), passwordHash: demoHash }).onConflictDoNothing().run();
      for (const role of person.roles) tx.insert(roleAssignments).values({ id: newId('role'), personId: person.id, ...toRoleRow(role) }).onConflictDoNothing().run();
    }
  });
  for (const collaborative of dataset.collaboratives) writes.saveCollaborative(collaborative);
  for (const { record } of dataset.documents) {
    if (registry.get(record.id)) continue;
    registry.create({
      id: record.id, kind: record.kind, title: record.title, owner: record.owner,
      reviewerIds: record.peerReview?.reviewerIds ?? [], createdBy: null,
    });
    const host = record.peerReview?.sharedWithLa ? dataset.schools.find((s) => s.id === record.peerReview?.hostSchoolId) : undefined;
    if (host) registry.shareWithLa(record.id, host.laCode, 'demo-headteacher');
  }
}
