/**
 * The bridge from our tables to the model's one permission policy. Everything here gathers
 * facts (the actor's roles, the document's owner, members, reviewers, share state) and asks
 * the model's decide()/resolveAccess(); nothing here decides on its own.
 */
import { decide, resolveAccess, resourceFromRecord } from '@cydweithio/model/policy/index';
import type { Access, Action, Actor, Decision, PolicyResource, ResourceLookup } from '@cydweithio/model/policy/index';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { School } from '@cydweithio/model/domain/school';
import type { DirectoryQueries } from '../directory/directory-queries';
import type { DocumentRegistry, RegisteredDocument } from './document-registry';

export type { Access, Action, Actor, Decision, PolicyResource };

export function loadActor(directory: DirectoryQueries, personId: string): Actor {
  return { personId, roles: directory.roles(personId) };
}

/** A lookup that reads each school and collaborative at most once per request. */
export function memoisedLookup(directory: DirectoryQueries): ResourceLookup {
  const schools = new Map<string, School | undefined>();
  const collaboratives = new Map<string, Collaborative | undefined>();
  return {
    school(id) {
      if (!schools.has(id)) schools.set(id, directory.school(id) ?? undefined);
      return schools.get(id);
    },
    collaborative(id) {
      if (!collaboratives.has(id)) collaboratives.set(id, directory.collaborative(id) ?? undefined);
      return collaboratives.get(id);
    },
  };
}

export interface DocumentWithResource {
  doc: RegisteredDocument;
  resource: PolicyResource;
}

/** The registered document and its policy facts, or null when unknown, erased or ownerless. */
export function documentResource(
  registry: DocumentRegistry, lookup: ResourceLookup, docId: string,
): DocumentWithResource | null {
  const doc = registry.get(docId);
  if (!doc) return null;
  const resource = resourceFromRecord(doc.record, lookup);
  return resource ? { doc, resource } : null;
}

export { decide, resolveAccess };

export function can(actor: Actor, action: Action, resource: PolicyResource): boolean {
  return decide(actor, action, resource).allow;
}
