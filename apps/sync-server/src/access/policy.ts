/**
 * The bridge from our tables to the model's one permission policy. Everything here gathers
 * facts (the actor's roles, the document's owner, members, reviewers, share state) and asks
 * the model's decide()/resolveAccess(); nothing here decides on its own.
 */
import { decide, resolveAccess, resourceFromRecord } from '@cydweithio/model/policy/index';
import type { Access, Action, Actor, Decision, PolicyResource, ResourceLookup } from '@cydweithio/model/policy/index';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { DocumentRecord } from '@cydweithio/model/domain/document';
import type { School } from '@cydweithio/model/domain/school';
import type { DirectoryQueries } from '../directory/directory-queries';
import type { DocumentRegistry, RegisteredDocument } from './document-registry';

export type { Access, Action, Actor, Decision, PolicyResource };

export async function loadActor(directory: DirectoryQueries, personId: string): Promise<Actor> {
  return { personId, roles: await directory.roles(personId) };
}

/** Owners to read facts about: schools by id, collaboratives by id. */
export interface OwnerIds {
  schoolIds?: readonly string[];
  collaborativeIds?: readonly string[];
  /** Today (ISO date) for a closed peer review's retention date (P62). */
  today?: string;
}

/**
 * The model's policy looks facts up synchronously; this reads them first, in bulk: the named
 * schools and collaboratives, and every member school of those collaboratives.
 */
export async function loadLookup(directory: DirectoryQueries, owners: OwnerIds): Promise<ResourceLookup> {
  const collaboratives = await directory.collaboratives([...new Set(owners.collaborativeIds ?? [])]);
  const schoolIds = new Set([...(owners.schoolIds ?? []), ...collaboratives.flatMap((c) => c.memberSchoolIds)]);
  const [schools, partners] = await Promise.all([directory.schoolsByIds([...schoolIds]), directory.partnersOf([...(owners.schoolIds ?? [])])]);
  const schoolById = new Map<string, School>(schools.map((s) => [s.id, s]));
  const collaborativeById = new Map<string, Collaborative>(collaboratives.map((c) => [c.id, c]));
  const today = owners.today;
  return {
    school: (id) => schoolById.get(id),
    collaborative: (id) => collaborativeById.get(id),
    partners: (id) => partners.get(id) ?? [],
    ...(today === undefined ? {} : { today: () => today }),
  };
}

/** The owners of these documents, for loadLookup. */
export function ownersOf(records: readonly DocumentRecord[]): OwnerIds {
  return {
    schoolIds: records.flatMap((r) => (r.owner.type === 'school' ? [r.owner.schoolId] : [])),
    collaborativeIds: records.flatMap((r) => [
      ...(r.owner.type === 'collaborative' ? [r.owner.collaborativeId] : []),
      // A peer review shared with a collaborative is read by its members (P63).
      ...(r.peerReview?.shares ?? []).flatMap((s) => (s.type === 'collaborative' ? [s.id] : [])),
      // A review extract is read by its collaborative's convenor and members' leaders (P130).
      ...(r.reviewExtract ? [r.reviewExtract.collaborativeId] : []),
    ]),
  };
}

export interface DocumentWithResource {
  doc: RegisteredDocument;
  resource: PolicyResource;
  /** The facts the resource was built from (owner school or collaborative and its members). */
  lookup: ResourceLookup;
}

/** The registered document and its policy facts, or null when unknown, erased or ownerless. */
export async function documentResource(directory: DirectoryQueries, registry: DocumentRegistry, docId: string): Promise<DocumentWithResource | null> {
  const doc = await registry.get(docId);
  if (!doc) return null;
  const lookup = await loadLookup(directory, { ...ownersOf([doc.record]), today: registry.today() });
  const resource = resourceFromRecord(doc.record, lookup);
  return resource ? { doc, resource, lookup } : null;
}

export { decide, resolveAccess };

export function can(actor: Actor, action: Action, resource: PolicyResource): boolean {
  return decide(actor, action, resource).allow;
}
