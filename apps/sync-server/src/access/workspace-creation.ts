/**
 * Every collaborative has its workspace (G24): made when the collaborative is (approved, or set
 * up by an LA officer), and for an older one without, by its convenor. The layout is written at
 * once by the server, as for any new document (A15), so no two clients initialise it twice.
 */
import { randomBytes } from 'node:crypto';
import { newDocId } from '@cydweithio/model/domain/document';
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import { initialise } from '@cydweithio/model/docs/index';
import type { AccessServices } from './services';

/** The workspace's title: the collaborative's name, in both languages when they differ. */
export function workspaceTitle(collaborative: Pick<Collaborative, 'name'>): string {
  const { cy, en } = collaborative.name;
  return (cy === en ? cy : `${cy} / ${en}`).slice(0, 200);
}

/** The collaborative's workspace id: the one it has, or a new one (audited `created`). */
export async function ensureWorkspace(services: AccessServices, collaborative: Collaborative, createdBy: string): Promise<{ id: string; created: boolean }> {
  const { registry, audit, sync } = services;
  for (const id of await registry.idsOwnedBy('collaborative', collaborative.id)) {
    if ((await registry.get(id))?.record.kind === 'workspace') return { id, created: false };
  }
  const id = newDocId('workspace', randomBytes(12).toString('base64url'));
  const title = workspaceTitle(collaborative);
  await registry.create({ id, kind: 'workspace', title, owner: { type: 'collaborative', collaborativeId: collaborative.id }, reviewerIds: [], createdBy });
  await audit.record({ actorPersonId: createdBy, action: 'created', documentId: id, detail: { kind: 'workspace', collaborativeId: collaborative.id } });
  if (sync?.getDoc) initialise(await sync.getDoc(id), 'workspace', { title });
  return { id, created: true };
}
